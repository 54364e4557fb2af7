package dev.sreagent.aws;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.aws.internal.AwsClients;
import dev.sreagent.aws.internal.AwsErrors;
import dev.sreagent.aws.internal.CloudWatchEventMapper;
import dev.sreagent.aws.internal.LogsCursor;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.LogSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * A {@link LogSource} over CloudWatch Logs {@code FilterLogEvents}: reads the configured log groups (by
 * name, or every group under a prefix found with {@code DescribeLogGroups}) with a filter pattern that
 * selects errors, following {@code nextToken} pages. Throttling and 5xx are retried by the SDK with
 * exponential backoff ({@code sre-agent.aws.retry.*}), then surface as {@link RetriableException}.
 *
 * <p>The cursor holds, per log group, the time up to which the group was read completely and the ids of
 * events already returned within the lag window; each query starts {@code lag} before that time, so an
 * event that arrives up to {@code sre-agent.aws.logs.lag} late is still read, and the ids keep any event
 * from being returned twice. A restart from a checkpointed cursor therefore neither loses nor repeats an
 * event. The cursor grows with the number of events inside the lag window.
 *
 * <p>Thread safe (the agent polls from one thread). Create it with {@link #builder()} or through
 * {@link AwsCloudWatchLogSourceProvider} ({@code sre-agent.log-source=aws}).
 */
public final class AwsCloudWatchLogSource implements LogSource {
  private static final Logger LOG = LoggerFactory.getLogger(AwsCloudWatchLogSource.class);
  private static final int MAX_PAGE = 10_000;
  private static final int MAX_PAGES_PER_GROUP = 10_000;

  private final AwsCloudWatchLogsConfig config;
  private final CloudWatchLogsClient client;
  private final boolean ownsClient;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object groupsLock = new Object();
  private List<String> prefixGroups = List.of();
  private long prefixGroupsListedAtMs = Long.MIN_VALUE;

  private AwsCloudWatchLogSource(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    this.clock = b.clock;
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
    } else {
      this.client = AwsClients.build(CloudWatchLogsClient.builder(), config.client(), b.credentials, "CloudWatch Logs");
      this.ownsClient = true;
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1: " + maxEvents);
    }
    if (closed.get()) {
      throw new IllegalStateException("AwsCloudWatchLogSource is closed");
    }
    LogCursor current = cursor;
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      LogBatch batch = pollOnce(current, maxEvents);
      long left = deadline - System.nanoTime();
      if (!batch.events().isEmpty() || left <= 0) {
        return batch;
      }
      current = batch.next();
      try {
        Thread.sleep(Math.max(1, Math.min(config.pollInterval().toMillis(), left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return batch;
      }
    }
  }

  private LogBatch pollOnce(LogCursor cursor, int maxEvents) {
    long now = clock.millis();
    long lagMs = config.lag().toMillis();
    LogsCursor state = cursor.isStart() ? LogsCursor.start(now - config.startLookBack().toMillis()) : LogsCursor.decode(cursor.value());
    List<String> groups = groups(now);
    state.retain(new LinkedHashSet<>(groups));
    List<LogEvent> events = new ArrayList<>();
    for (String group : groups) {
      if (events.size() >= maxEvents) {
        break; // the remaining groups keep their position and are read next time
      }
      readGroup(group, state.group(group, now - config.startLookBack().toMillis()), now, lagMs, maxEvents, events);
    }
    events.sort(Comparator.comparing(LogEvent::timestamp));
    return new LogBatch(events, new LogCursor(state.encode()));
  }

  private void readGroup(String group, LogsCursor.Group position, long now, long lagMs, int maxEvents, List<LogEvent> out) {
    long start = Math.max(0, position.watermarkMs() - lagMs);
    if (start > now) {
      return;
    }
    String token = null;
    boolean truncated = false;
    for (int page = 0; ; page++) {
      if (page >= MAX_PAGES_PER_GROUP) {
        throw new RetriableException("CloudWatch Logs returned more than " + MAX_PAGES_PER_GROUP
            + " pages for log group " + group + " in one poll: retry (lower sre-agent.aws.logs.lag or narrow the filter)");
      }
      FilterLogEventsRequest.Builder req = FilterLogEventsRequest.builder()
          .startTime(start)
          .endTime(now)
          .limit(MAX_PAGE)
          .nextToken(token);
      if (group.startsWith("arn:")) {
        req.logGroupIdentifier(group);
      } else {
        req.logGroupName(group);
      }
      if (!config.filterPattern().isEmpty()) {
        req.filterPattern(config.filterPattern());
      }
      FilterLogEventsResponse resp;
      try {
        resp = client.filterLogEvents(req.build());
      } catch (SdkException e) {
        throw AwsErrors.translate("logs:FilterLogEvents", "log group " + group, e);
      }
      for (FilteredLogEvent e : resp.events()) {
        if (e.eventId() == null || e.timestamp() == null) {
          LOG.warn("Skipped a CloudWatch Logs event without {} in log group {}", e.eventId() == null ? "an id" : "a timestamp", group);
          continue;
        }
        if (position.seen(e.timestamp(), e.eventId())) {
          continue;
        }
        if (out.size() >= maxEvents) {
          truncated = true;
          break;
        }
        out.add(CloudWatchEventMapper.map(group, nullToEmpty(e.logStreamName()), e.eventId(), e.timestamp(),
            e.ingestionTime() == null ? 0 : e.ingestionTime(), nullToEmpty(e.message())));
        position.markSeen(e.timestamp(), e.eventId());
      }
      String next = resp.nextToken();
      if (truncated || next == null || next.isEmpty()) {
        break;
      }
      if (next.equals(token)) {
        throw new RetriableException("CloudWatch Logs returned the same nextToken twice for log group " + group
            + ": a malformed response; retry");
      }
      token = next;
    }
    if (!truncated) {
      // everything up to `now` was read: move on; ids below the new lag window can no longer come back
      position.advance(now, lagMs);
    }
  }

  private List<String> groups(long now) {
    if (config.logGroupPrefix().isEmpty()) {
      return config.logGroups();
    }
    synchronized (groupsLock) {
      if (prefixGroupsListedAtMs != Long.MIN_VALUE && now - prefixGroupsListedAtMs < config.logGroupRefresh().toMillis()) {
        return prefixGroups;
      }
      String prefix = config.logGroupPrefix().get();
      Set<String> found = new LinkedHashSet<>();
      String token = null;
      try {
        do {
          DescribeLogGroupsResponse r = client.describeLogGroups(
              DescribeLogGroupsRequest.builder().logGroupNamePrefix(prefix).nextToken(token).build());
          for (LogGroup g : r.logGroups()) {
            if (g.logGroupName() != null) {
              found.add(g.logGroupName());
            }
          }
          String next = r.nextToken();
          if (next != null && next.equals(token)) {
            throw new RetriableException("CloudWatch Logs returned the same nextToken twice listing log groups under "
                + prefix + ": a malformed response; retry");
          }
          token = next;
        } while (token != null && !token.isEmpty());
      } catch (SdkException e) {
        throw AwsErrors.translate("logs:DescribeLogGroups", "log groups with prefix " + prefix, e);
      }
      if (found.isEmpty()) {
        LOG.warn("No CloudWatch Logs log group starts with {} (sre-agent.aws.logs.log-group-prefix)", prefix);
      }
      prefixGroups = List.copyOf(found);
      prefixGroupsListedAtMs = now;
      return prefixGroups;
    }
  }

  private static String nullToEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "AwsCloudWatchLogSource[" + (config.logGroupPrefix().isPresent() ? "prefix=" + config.logGroupPrefix().get()
        : "groups=" + config.logGroups()) + "]";
  }

  /** Builds an {@link AwsCloudWatchLogSource}. Not thread safe. */
  public static final class Builder {
    private @Nullable AwsCloudWatchLogsConfig config;
    private @Nullable CloudWatchLogsClient client;
    private @Nullable AwsCredentialsProvider credentials;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The configuration (required). */
    public Builder config(AwsCloudWatchLogsConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** A client the host built and owns (not closed by the source); its settings win over the configuration's. */
    public Builder client(CloudWatchLogsClient value) {
      this.client = Objects.requireNonNull(value, "client");
      return this;
    }

    /** Credentials to use instead of the SDK default chain. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentials = Objects.requireNonNull(value, "credentialsProvider");
      return this;
    }

    /** The clock that decides "now" for queries (default: system UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** @return the source; it owns the client it created */
    public AwsCloudWatchLogSource build() {
      if (config == null) {
        throw new IllegalStateException("config is required: AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(properties))");
      }
      return new AwsCloudWatchLogSource(this);
    }
  }
}
