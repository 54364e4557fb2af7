package dev.sreagent;

import dev.sreagent.audit.AuditListener;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.discovery.Capability;
import dev.sreagent.discovery.ProviderDiscovery;
import dev.sreagent.incident.Incident;
import dev.sreagent.pipeline.ModelRouter;
import dev.sreagent.pipeline.PipelineResult;
import dev.sreagent.pipeline.RemediationPipeline;
import dev.sreagent.pipeline.ResilienceSettings;
import dev.sreagent.redact.Redactor;
import dev.sreagent.runtime.AgentSettings;
import dev.sreagent.runtime.CursorStore;
import dev.sreagent.runtime.FileCursorStore;
import dev.sreagent.runtime.BatchDetector;
import dev.sreagent.detect.GroupingDetector;
import dev.sreagent.redact.DefaultRedactor;
import dev.sreagent.audit.Auditor;
import dev.sreagent.runtime.internal.DetectorSide;
import dev.sreagent.runtime.internal.WorkerSide;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.Provider;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: a detector side that polls the {@link LogSource}, turns events into incidents with the
 * injected {@link BatchDetector} and publishes them on the {@link MessageBus} keyed by fingerprint,
 * checkpointing the cursor only after a batch is published; and a worker side that consumes incidents,
 * runs the {@link RemediationPipeline}, and acks only after the change or report is delivered.
 *
 * <pre>{@code
 * try (SreAgent agent = SreAgent.builder()
 *     .config(ConfigProperties.fromEnvironment())
 *     .build()) {                      // every part: an explicit instance, else discovery / the default

 *   agent.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Each SPI instance is the one given to the builder, else the provider selected by
 * {@link ProviderDiscovery} from the configuration. The agent closes what it created, not what it was
 * given. {@link #close()} stops polling and receiving, waits up to {@code sre-agent.shutdown-timeout} for
 * in-flight incidents, then interrupts them; an interrupted incident is not acked and is redelivered. For
 * one-shot use (the demo, tests) call {@link #pollOnce()} and {@link #workOnce(Duration)} without
 * {@link #start()}. Thread safe.
 */
public final class SreAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SreAgent.class);

  private final AgentSettings settings;
  private final @Nullable DetectorSide detectorSide;
  private final @Nullable WorkerSide workerSide;
  private final @Nullable RemediationPipeline pipeline;
  private final Deque<AutoCloseable> owned;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService heartbeat;
  private @Nullable ExecutorService workers;
  private @Nullable Thread poller;

  private SreAgent(AgentSettings settings, @Nullable DetectorSide detectorSide, @Nullable WorkerSide workerSide,
      @Nullable RemediationPipeline pipeline, Deque<AutoCloseable> owned, ScheduledExecutorService heartbeat) {
    this.settings = settings;
    this.detectorSide = detectorSide;
    this.workerSide = workerSide;
    this.pipeline = pipeline;
    this.owned = owned;
    this.heartbeat = heartbeat;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the pipeline the workers run (for running an incident directly)
   * @throws IllegalStateException when the worker side is off ({@code sre-agent.role=detector})
   */
  public RemediationPipeline pipeline() {
    if (pipeline == null) {
      throw new IllegalStateException("This agent has no worker side: sre-agent.role is detector");
    }
    return pipeline;
  }

  /**
   * Polls the log source once and publishes the incidents found; saves the cursor after.
   *
   * @return events read
   * @throws IllegalStateException when the detector side is not configured (no detector, or {@code sre-agent.role=worker})
   */
  public int pollOnce() {
    if (detectorSide == null) {
      throw new IllegalStateException("This agent has no detector side: give the builder a detector and leave sre-agent.role at all or detector");
    }
    return detectorSide.pollOnce().events();
  }

  /**
   * Receives at most one batch of incident messages and processes each to a delivered change or report.
   *
   * @param wait how long to wait for a message
   * @return messages handled
   * @throws IllegalStateException when the worker side is off ({@code sre-agent.role=detector})
   */
  public int workOnce(Duration wait) {
    if (workerSide == null) {
      throw new IllegalStateException("This agent has no worker side: sre-agent.role is detector");
    }
    return workerSide.workOnce(1, wait);
  }

  /** Starts the polling thread and the worker threads. Idempotent. */
  public synchronized void start() {
    if (closed.get()) {
      throw new IllegalStateException("This agent is closed; build a new one");
    }
    if (!running.compareAndSet(false, true)) {
      return;
    }
    if (workerSide != null) {
      workers = Executors.newFixedThreadPool(settings.workerThreads(), daemon("sre-agent-worker"));
      for (int i = 0; i < settings.workerThreads(); i++) {
        workers.submit(this::workLoop);
      }
    }
    if (detectorSide != null) {
      poller = daemon("sre-agent-poller").newThread(this::pollLoop);
      poller.start();
    }
    LOG.info("sre-agent started: role={}, queue={}, workers={}", settings.role(), settings.queue(),
        workerSide == null ? 0 : settings.workerThreads());
  }

  private void pollLoop() {
    while (running.get()) {
      try {
        if (detectorSide.pollOnce().events() == 0 && !pause(settings.pollIdlePause())) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("Log poll failed; the batch will be read again after {}: {}", settings.pollBackoff(), e.toString());
        if (!pause(settings.pollBackoff())) {
          return;
        }
      }
    }
  }

  private void workLoop() {
    while (running.get() && !Thread.currentThread().isInterrupted()) {
      try {
        workerSide.workOnce(1, settings.receiveWait());
      } catch (RuntimeException e) {
        LOG.warn("Receiving from {} failed; retrying after {}: {}", settings.queue(), settings.pollBackoff(), e.toString());
        if (!pause(settings.pollBackoff())) {
          return;
        }
      }
    }
  }

  private boolean pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Stops polling and receiving, waits up to {@code sre-agent.shutdown-timeout} for in-flight incidents,
   * interrupts what is left, and closes the parts the agent created. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    running.set(false);
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    Thread p = poller;
    if (p != null) {
      try {
        p.join(Math.max(1, settings.shutdownTimeout().toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (p.isAlive()) {
        p.interrupt();
      }
    }
    ExecutorService w = workers;
    if (w != null) {
      w.shutdown();
      try {
        if (!w.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          LOG.warn("In-flight incidents did not finish within {}; interrupting them (they will be redelivered)", settings.shutdownTimeout());
          w.shutdownNow();
          w.awaitTermination(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        w.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    heartbeat.shutdownNow();
    while (!owned.isEmpty()) {
      AutoCloseable c = owned.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("Closing {} failed: {}", c.getClass().getName(), e.toString());
      }
    }
    LOG.info("sre-agent stopped");
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds an {@link SreAgent}; not thread safe. */
  public static final class Builder {
    private ConfigProperties config = ConfigProperties.empty();
    private ProviderDiscovery discovery = ProviderDiscovery.standard();
    private @Nullable LogSource logSource;
    private @Nullable MessageBus messageBus;
    private @Nullable SecretStore secretStore;
    private @Nullable ModelClient modelClient;
    private final List<ModelClient> fallbacks = new ArrayList<>();
    private @Nullable CodeHost codeHost;
    private @Nullable Redactor redactor;
    private @Nullable BatchDetector detector;
    private @Nullable CursorStore cursorStore;
    private final List<AuditListener> listeners = new ArrayList<>();
    private BiConsumer<Incident, PipelineResult> onResult = (i, r) -> { };
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The configuration (default: empty, every key at its default). */
    public Builder config(ConfigProperties config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Where providers are discovered (default {@link ProviderDiscovery#standard()}). */
    public Builder discovery(ProviderDiscovery discovery) {
      this.discovery = Objects.requireNonNull(discovery, "discovery");
      return this;
    }

    /** An explicit log source (else discovered by {@code sre-agent.log-source}). */
    public Builder logSource(LogSource logSource) {
      this.logSource = Objects.requireNonNull(logSource, "logSource");
      return this;
    }

    /** An explicit message bus (else discovered by {@code sre-agent.message-bus}). */
    public Builder messageBus(MessageBus messageBus) {
      this.messageBus = Objects.requireNonNull(messageBus, "messageBus");
      return this;
    }

    /** An explicit secret store (else discovered by {@code sre-agent.secret-store}). */
    public Builder secretStore(SecretStore secretStore) {
      this.secretStore = Objects.requireNonNull(secretStore, "secretStore");
      return this;
    }

    /** An explicit primary model client (else discovered by {@code sre-agent.model-client}). */
    public Builder modelClient(ModelClient modelClient) {
      this.modelClient = Objects.requireNonNull(modelClient, "modelClient");
      return this;
    }

    /** A fallback model client, asked when those before it are unavailable (also: {@code sre-agent.model-client.fallback=<provider name>}). */
    public Builder fallbackModelClient(ModelClient fallback) {
      fallbacks.add(Objects.requireNonNull(fallback, "fallback"));
      return this;
    }

    /** An explicit code host (else discovered by {@code sre-agent.code-host}). */
    public Builder codeHost(CodeHost codeHost) {
      this.codeHost = Objects.requireNonNull(codeHost, "codeHost");
      return this;
    }

    /** The redactor (default: {@link DefaultRedactor} configured by {@code sre-agent.redaction.*}). */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Events → incidents (default: {@link GroupingDetector} configured by {@code sre-agent.grouping.*} and {@code sre-agent.detect.*}). */
    public Builder detector(BatchDetector detector) {
      this.detector = Objects.requireNonNull(detector, "detector");
      return this;
    }

    /** Where the cursor is checkpointed (default a {@link FileCursorStore} at {@code sre-agent.cursor-file}). */
    public Builder cursorStore(CursorStore cursorStore) {
      this.cursorStore = Objects.requireNonNull(cursorStore, "cursorStore");
      return this;
    }

    /** Adds an audit listener. */
    public Builder auditListener(AuditListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Called on the worker thread after each incident is delivered, before its message is acked. */
    public Builder onResult(BiConsumer<Incident, PipelineResult> onResult) {
      this.onResult = Objects.requireNonNull(onResult, "onResult");
      return this;
    }

    /** Time source (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates the configuration, selects and creates the missing parts.
     *
     * @throws ConfigurationException naming the missing part or every bad key
     */
    public SreAgent build() {
      AgentSettings settings = AgentSettings.from(config);
      Redactor redactor = this.redactor != null ? this.redactor : DefaultRedactor.fromConfig(config, e -> { });
      Deque<AutoCloseable> owned = new ArrayDeque<>();
      try {
        return assemble(settings, owned, redactor);
      } catch (RuntimeException e) {
        owned.forEach(c -> {
          try {
            c.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        });
        throw e;
      }
    }

    private SreAgent assemble(AgentSettings settings, Deque<AutoCloseable> owned, Redactor redactor) {
      BatchDetector detector = this.detector != null ? this.detector
          : settings.runsDetector() ? GroupingDetector.fromConfig(config) : null;
      // the secret store is needed only to create discovered providers: explicit instances bring their own credentials
      java.util.function.Supplier<ProviderContext> ctxs = new java.util.function.Supplier<>() {
        private @Nullable ProviderContext ctx;

        @Override
        public ProviderContext get() {
          if (ctx == null) {
            SecretStore secrets = secretStore != null ? secretStore
                : create(Capability.SECRET_STORE, ProviderContext.of(config, null, clock), owned);
            ctx = ProviderContext.of(config, secrets, clock);
          }
          return ctx;
        }
      };
      MessageBus bus = messageBus != null ? messageBus : create(Capability.MESSAGE_BUS, ctxs.get(), owned);
      ModelRouter.Builder router = ModelRouter.builder().settings(ResilienceSettings.from(config));
      boolean workers = settings.runsWorkers();
      RemediationPipeline pipeline;
      CodeHost host = codeHost != null ? codeHost : workers ? create(Capability.CODE_HOST, ctxs.get(), owned) : null;
      ModelClient primary = modelClient != null ? modelClient : workers ? create(Capability.MODEL_CLIENT, ctxs.get(), owned) : null;
      if (workers) {
        router.primary(primary);
        fallbacks.forEach(router::fallback);
        config.get("sre-agent.model-client.fallback").map(String::trim).filter(s -> !s.isEmpty()).ifPresent(name -> {
          Provider<ModelClient> p = discovery.candidates(Capability.MODEL_CLIENT).named(name).orElseThrow(() -> new ConfigurationException(
              "sre-agent.model-client.fallback=" + name + " but no ModelClient provider named '" + name + "' is on the classpath"));
          ModelClient fb = p.create(ctxs.get());
          owned.push(fb);
          router.fallback(fb);
        });
        RemediationPipeline.Builder pb = RemediationPipeline.builder().codeHost(host).modelClient(router.build()).redactor(redactor)
            .config(config).clock(clock);
        listeners.forEach(pb::auditListener);
        pipeline = pb.build();
      } else {
        pipeline = null;
      }
      DetectorSide detectorSide = null;
      if (settings.runsDetector() && detector != null) {
        LogSource source = logSource != null ? logSource : create(Capability.LOG_SOURCE, ctxs.get(), owned);
        CursorStore cursors = cursorStore != null ? cursorStore : FileCursorStore.at(settings.cursorFile());
        detectorSide = new DetectorSide(source, bus, settings.queue(), redactor, detector, cursors, settings.pollMaxEvents(),
            settings.pollWait(), Auditor.create(listeners), clock);
      }
      ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("sre-agent-visibility"));
      WorkerSide workerSide = pipeline == null ? null
          : new WorkerSide(bus, settings.queue(), pipeline, settings.visibility(), heartbeat, onResult);
      return new SreAgent(settings, detectorSide, workerSide, pipeline, owned, heartbeat);
    }

    private <T extends AutoCloseable, P extends Provider<T>> T create(Capability<T, P> capability, ProviderContext ctx,
        Deque<AutoCloseable> owned) {
      var selection = discovery.select(capability, config);
      LOG.info("{}: provider '{}' ({})", capability.displayName(), selection.provider().name(), selection.reason());
      T instance = selection.provider().create(ctx);
      owned.push(instance);
      return instance;
    }
  }
}
