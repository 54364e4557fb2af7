package dev.sreagent.aws;

import dev.sreagent.aws.internal.AwsKeys;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of {@link AwsCloudWatchLogSource}, read from {@code sre-agent.aws.logs.*} and the shared
 * {@code sre-agent.aws.*} keys.
 *
 * @param client region, endpoint, timeouts, retries
 * @param logGroups log group names (or ARNs) to read ({@code sre-agent.aws.logs.log-groups}, comma-separated)
 * @param logGroupPrefix read every log group whose name starts with this ({@code sre-agent.aws.logs.log-group-prefix});
 *     exactly one of {@code logGroups} and {@code logGroupPrefix} is set
 * @param filterPattern a CloudWatch Logs filter pattern selecting the events to read
 *     ({@code sre-agent.aws.logs.filter-pattern}, default {@link #DEFAULT_FILTER_PATTERN}); "" reads everything
 * @param startLookBack how far back {@link dev.sreagent.spi.LogCursor#START} begins ({@code sre-agent.aws.logs.start-look-back}, 15m)
 * @param lag how late an event may arrive and still be read ({@code sre-agent.aws.logs.lag}, 2m)
 * @param pollInterval how often to query while waiting for events ({@code sre-agent.aws.logs.poll-interval}, 5s)
 * @param logGroupRefresh how often the log groups under the prefix are listed again ({@code sre-agent.aws.logs.log-group-refresh}, 5m)
 */
public record AwsCloudWatchLogsConfig(
    AwsClientSettings client,
    List<String> logGroups,
    Optional<String> logGroupPrefix,
    String filterPattern,
    Duration startLookBack,
    Duration lag,
    Duration pollInterval,
    Duration logGroupRefresh) {

  /**
   * Selects error-looking events in plain-text and JSON logs: the level words (CloudWatch terms are case
   * sensitive, so each spelling is listed; {@code "level":"error"} contains the term {@code error}),
   * exception names and stack trace headers.
   */
  public static final String DEFAULT_FILTER_PATTERN =
      "?ERROR ?Error ?error ?FATAL ?Fatal ?fatal ?CRITICAL ?Critical ?critical ?Exception ?exception ?Traceback ?panic";

  /** Validates and copies. */
  public AwsCloudWatchLogsConfig {
    Objects.requireNonNull(client, "client");
    logGroups = List.copyOf(logGroups);
    Objects.requireNonNull(logGroupPrefix, "logGroupPrefix");
    Objects.requireNonNull(filterPattern, "filterPattern");
    Objects.requireNonNull(startLookBack, "startLookBack");
    Objects.requireNonNull(lag, "lag");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(logGroupRefresh, "logGroupRefresh");
    if (logGroups.isEmpty() == logGroupPrefix.isEmpty()) {
      throw new IllegalArgumentException("set exactly one of logGroups and logGroupPrefix");
    }
  }

  /**
   * Reads and validates every key at once.
   *
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static AwsCloudWatchLogsConfig from(ConfigProperties config) {
    String p = AwsKeys.PREFIX + "logs.";
    ConfigReader r = ConfigReader.of(config, "sre-agent.aws.logs");
    AwsClientSettings client = AwsClientSettings.read(r, "logs", Duration.ofSeconds(30));
    List<String> groups = r.list(p + "log-groups");
    Optional<String> prefix = r.optional(p + "log-group-prefix").map(String::trim);
    r.check(!groups.isEmpty() || prefix.isPresent(), "Missing required configuration " + p + "log-groups: set it to the "
        + "log group names to read, comma-separated (or set " + p + "log-group-prefix), or the environment variable "
        + ConfigProperties.environmentName(p + "log-groups"));
    r.check(groups.isEmpty() || prefix.isEmpty(), "Both " + p + "log-groups and " + p + "log-group-prefix are set: keep one");
    for (String g : groups) {
      r.check(g.startsWith("arn:") || g.matches("[\\w#/.\\-]{1,512}"), "Invalid value '" + g + "' for " + p
          + "log-groups: expected log group names of letters, digits and _ - / . # (or log group ARNs)");
    }
    String pattern = r.string(p + "filter-pattern", DEFAULT_FILTER_PATTERN).trim();
    r.check(pattern.length() <= 1024, "Invalid value for " + p + "filter-pattern: at most 1024 characters");
    Duration lookBack = r.positiveDuration(p + "start-look-back", Duration.ofMinutes(15));
    Duration lag = r.duration(p + "lag", Duration.ofMinutes(2));
    Duration interval = r.positiveDuration(p + "poll-interval", Duration.ofSeconds(5));
    Duration refresh = r.positiveDuration(p + "log-group-refresh", Duration.ofMinutes(5));
    AwsKeys.rejectUnknown(r);
    r.validate();
    return new AwsCloudWatchLogsConfig(client, groups, prefix, pattern, lookBack, lag, interval, refresh);
  }

  /** @return a copy with other client settings (an endpoint for tests, a region) */
  public AwsCloudWatchLogsConfig withClient(AwsClientSettings settings) {
    return new AwsCloudWatchLogsConfig(settings, logGroups, logGroupPrefix, filterPattern, startLookBack, lag, pollInterval,
        logGroupRefresh);
  }
}
