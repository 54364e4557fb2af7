package dev.sreagent.cli;

import dev.sreagent.SreAgent;
import dev.sreagent.audit.AuditEvent;
import dev.sreagent.audit.DeliveryEvent;
import dev.sreagent.audit.ModelCallEvent;
import dev.sreagent.audit.RedactionEvent;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.incident.Incident;
import dev.sreagent.pipeline.PipelineResult;
import dev.sreagent.runtime.internal.DetectorSide;
import dev.sreagent.spi.ChangeRef;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code demo}: the agent's main job end to end, offline, on the embedded local providers. It makes a
 * fresh git repository from {@code examples/demo-service}, writes a log with the stack traces its bugs
 * really produce (plus noise, synthetic secrets and PII, and one line that tries to instruct the agent),
 * runs the agent over it with recorded model answers, and prints what happened.
 */
final class DemoCommand implements Command {
  static final Instant LOG_START = Instant.parse("2026-11-26T09:00:00Z");

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run the agent's main job end to end on the embedded local providers, offline "
        + "(--model-url URL --model NAME [--api-key-env VAR] to use a real OpenAI-compatible model)";
  }

  @Override
  public int run(List<String> args, CliContext io) throws Exception {
    Options o = Options.parse(args);
    if (o.error != null) {
      io.err().println("sre-agent demo: " + o.error);
      return 2;
    }
    Path home = Path.of(io.systemProperties().getProperty("sre-agent.home", ".")).toAbsolutePath().normalize();
    Path example = home.resolve("examples/demo-service");
    if (!Files.isDirectory(example)) {
      io.err().println("sre-agent demo: " + example + " not found: run the demo from the sre-agent project folder");
      return 1;
    }
    DemoWorkspace ws = DemoWorkspace.create(example, home.resolve("target/demo"));
    Path log = ws.root().resolve("app.log");
    int lines = new DemoLog(42).write(example.resolve("logs/app.log.template"), log, LOG_START);

    Map<String, String> keys = new LinkedHashMap<>();
    for (String capability : List.of("log-source", "message-bus", "secret-store", "model-client", "code-host")) {
      keys.put("sre-agent." + capability, "local");
    }
    keys.put("sre-agent.local.log-file", log.toString());
    keys.put("sre-agent.local.log-format", "json");
    keys.put("sre-agent.local.repo", ws.repo().toString());
    keys.put("sre-agent.cursor-file", ws.root().resolve("cursor").toString());
    keys.put("sre-agent.worker.threads", "1");
    if (o.modelUrl == null) {
      keys.put("sre-agent.local.model.replay-file", example.resolve("replay.json").toString());
    } else {
      keys.put("sre-agent.local.model.base-url", o.modelUrl);
      keys.put("sre-agent.local.model.model", o.model);
      if (o.apiKeyEnv != null) {
        keys.put("sre-agent.local.model.api-key-secret", o.apiKeyEnv);
      }
    }
    ConfigProperties config = ConfigProperties.builder()
        .withEnvironment(io.environment()).withSystemProperties(io.systemProperties()).putAll(keys).build();

    List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());
    List<Map.Entry<Incident, PipelineResult>> results = Collections.synchronizedList(new ArrayList<>());
    int events = runOnce(config, audit, results);
    print(io.out(), ws, log, lines, events, o, audit, results);

    // A second agent over the same log from the start, as after a crash before the cursor was saved:
    // every incident is found again, and the code host's idempotency keys turn them into evidence on the
    // existing changes and reports, not into new ones.
    Files.deleteIfExists(ws.root().resolve("cursor"));
    List<Map.Entry<Incident, PipelineResult>> again = Collections.synchronizedList(new ArrayList<>());
    List<AuditEvent> againAudit = Collections.synchronizedList(new ArrayList<>());
    runOnce(config, againAudit, again);
    Map<String, Long> dispositions = new TreeMap<>();
    again.forEach(e -> dispositions.merge(e.getValue().disposition().toString(), 1L, Long::sum));
    io.out().println("Second run over the same log (as after a crash before the checkpoint): " + again.size() + " incidents → "
        + dispositions + ", " + again.stream().mapToInt(e -> e.getValue().modelCalls()).sum() + " model calls, branches now: "
        + DemoWorkspace.git(ws.repo(), "branch", "--list", "sre-agent/*").lines().count());
    return 0;
  }

  private static int runOnce(ConfigProperties config, List<AuditEvent> audit, List<Map.Entry<Incident, PipelineResult>> results) {
    int events = 0;
    try (SreAgent agent = SreAgent.builder().config(config).auditListener(audit::add)
        .onResult((incident, result) -> results.add(Map.entry(incident, result))).build()) {
      for (int n; (n = agent.pollOnce()) > 0; ) {
        events += n;
      }
      while (agent.workOnce(Duration.ofMillis(200)) > 0) {
        // until the queue is drained
      }
    }
    return events;
  }

  private static void print(PrintStream out, DemoWorkspace ws, Path log, int lines, int events, Options o, List<AuditEvent> audit,
      List<Map.Entry<Incident, PipelineResult>> results) throws Exception {
    Path home = ws.root().getParent().getParent();
    out.println("sre-agent demo: the main job, end to end, on the embedded local providers");
    out.println();
    out.println("  log        " + home.relativize(log) + ": " + lines + " lines, " + events + " events read "
        + "(synthetic secrets and PII generated for this run)");
    out.println("  repository " + home.relativize(ws.repo()) + " (a fresh git copy of examples/demo-service)");
    out.println("  model      " + (o.modelUrl == null ? "replay of the answers in examples/demo-service/replay.json (written for the demo): no model called"
        : o.model + " at " + o.modelUrl));
    out.println();

    Map<String, Long> intake = new TreeMap<>();
    audit.stream().filter(e -> e instanceof RedactionEvent r && r.fingerprint().equals(DetectorSide.INTAKE))
        .forEach(e -> ((RedactionEvent) e).counts().forEach((k, v) -> intake.merge(k, v, Long::sum)));
    out.println("Redaction at intake: " + intake.values().stream().mapToLong(Long::longValue).sum() + " values replaced before "
        + "anything was stored, queued or sent " + intake);
    out.println();

    long errors = Files.lines(log).filter(l -> l.contains("\"severity\":\"ERROR\"")).count();
    out.println("Incidents: " + results.size() + " from " + errors + " error events (a storm of one failure is one incident)");
    int i = 0;
    long calls = 0;
    long in = 0;
    long outTokens = 0;
    for (Map.Entry<Incident, PipelineResult> e : results) {
      Incident inc = e.getKey();
      PipelineResult r = e.getValue();
      calls += r.modelCalls();
      in += r.tokens().inputTokens();
      outTokens += r.tokens().outputTokens();
      out.printf("  %d. %s%n", ++i, oneLine(inc.title()));
      out.printf("     %s, trigger %s, %d events, services %s, fingerprint %s%n", inc.severity(), inc.trigger(), inc.count(),
          inc.services(), inc.fingerprint());
      out.printf("     → %s%s, %d model calls, %d tokens%n", r.disposition(),
          r.report().map(reason -> " (" + reason + ")").orElse(""), r.modelCalls(), r.tokens().total());
      for (String reason : r.reasons().stream().limit(2).toList()) {
        out.println("       " + oneLine(reason));
      }
      r.ref().ifPresent(ref -> out.println("       " + describe(ref)));
    }
    out.println();
    long modelEvents = audit.stream().filter(e -> e instanceof ModelCallEvent).count();
    long deliveries = audit.stream().filter(e -> e instanceof DeliveryEvent).count();
    out.println("Model: " + calls + " calls, " + in + " tokens in, " + outTokens + " tokens out"
        + (o.modelUrl == null ? " (the replay client reports no usage)" : "") + " (audit: " + modelEvents
        + " model-call events, " + deliveries + " delivery events; never content)");
    out.println();

    for (Map.Entry<Incident, PipelineResult> e : results) {
      if (e.getValue().ref().filter(ref -> ref.kind() == ChangeRef.Kind.CHANGE).isEmpty()) {
        continue;
      }
      ChangeRef ref = e.getValue().ref().get();
      out.println("Draft pull request " + ref.branch() + " (commit " + ref.commit().substring(0, Math.min(12, ref.commit().length())) + "):");
      out.println(DemoWorkspace.git(ws.repo(), "--no-pager", "show", "--stat", "--format=  %s (author: %an)", ref.commit()).stripTrailing());
      out.println(DemoWorkspace.git(ws.repo(), "--no-pager", "diff", "main", ref.commit()).stripTrailing());
      Path pr = ws.repo().resolve(".git/sre-agent/changes/" + ref.key().value() + ".md");
      if (Files.exists(pr)) {
        out.println("  --- " + home.relativize(pr) + " ---");
        String text = Files.readString(pr, StandardCharsets.UTF_8);
        text.lines().limit(60).forEach(l -> out.println("  " + l));
      }
      out.println();
    }
    out.println("Everything above is in " + home.relativize(ws.root()) + "; branches: "
        + DemoWorkspace.git(ws.repo(), "branch", "--list", "sre-agent/*").replace("\n", " ").strip());
    out.println();
  }

  private static String describe(ChangeRef ref) {
    return ref.kind() == ChangeRef.Kind.CHANGE
        ? "draft change on branch " + ref.branch() + ", commit " + ref.commit().substring(0, Math.min(12, ref.commit().length()))
        : "report " + ref.url();
  }

  private static String oneLine(String s) {
    String l = s.replace('\n', ' ').replace('\t', ' ');
    return l.length() > 150 ? l.substring(0, 150) + "…" : l;
  }

  /** The demo's options. */
  static final class Options {
    @Nullable String modelUrl;
    @Nullable String model;
    @Nullable String apiKeyEnv;
    @Nullable String error;

    static Options parse(List<String> args) {
      Options o = new Options();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        @Nullable String value = i + 1 < args.size() ? args.get(i + 1) : null;
        switch (a) {
          case "--model-url" -> o.modelUrl = value;
          case "--model" -> o.model = value;
          case "--api-key-env" -> o.apiKeyEnv = value;
          default -> {
            o.error = "unknown option " + a + " (options: --model-url URL --model NAME [--api-key-env VAR])";
            return o;
          }
        }
        if (value == null) {
          o.error = a + " needs a value";
          return o;
        }
        i++;
      }
      if (o.modelUrl != null && o.model == null) {
        o.error = "--model-url needs --model NAME (the model the server serves)";
      }
      return o;
    }
  }
}
