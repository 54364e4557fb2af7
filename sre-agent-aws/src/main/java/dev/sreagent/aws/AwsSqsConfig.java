package dev.sreagent.aws;

import dev.sreagent.aws.internal.AwsKeys;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of {@link AwsSqsMessageBus}, read from {@code sre-agent.aws.sqs.*} and the shared
 * {@code sre-agent.aws.*} keys. A logical queue name {@code q} maps to the SQS queue named
 * {@code queueNamePrefix + q} (plus {@code .fifo} for FIFO queues), looked up once with GetQueueUrl.
 *
 * @param client region, endpoint, timeouts, retries
 * @param queueNamePrefix prepended to logical queue names ({@code sre-agent.aws.sqs.queue-name-prefix}, "")
 * @param fifo the queues are FIFO queues ({@code sre-agent.aws.sqs.fifo}, false)
 * @param visibilityTimeout how long a received message stays invisible ({@code sre-agent.aws.sqs.visibility-timeout});
 *     empty for the queue's own setting
 */
public record AwsSqsConfig(AwsClientSettings client, String queueNamePrefix, boolean fifo, Optional<Duration> visibilityTimeout) {

  /** Validates. */
  public AwsSqsConfig {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(queueNamePrefix, "queueNamePrefix");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
  }

  /**
   * Reads and validates every key at once.
   *
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static AwsSqsConfig from(ConfigProperties config) {
    String p = AwsKeys.PREFIX + "sqs.";
    ConfigReader r = ConfigReader.of(config, "sre-agent.aws.sqs");
    // a long poll waits up to 20 s, so reads must be allowed longer than that
    AwsClientSettings client = AwsClientSettings.read(r, "sqs", Duration.ofSeconds(30));
    String prefix = r.string(p + "queue-name-prefix", "").trim();
    r.check(prefix.matches("[A-Za-z0-9_-]{0,70}"), "Invalid value '" + prefix + "' for " + p
        + "queue-name-prefix: expected at most 70 letters, digits, '-' or '_' (SQS queue name characters)");
    boolean fifo = r.bool(p + "fifo", false);
    Optional<Duration> visibility = r.optional(p + "visibility-timeout").map(v -> r.duration(p + "visibility-timeout", Duration.ZERO));
    visibility.ifPresent(v -> r.check(v.getSeconds() <= 43_200, "Invalid value '" + v + "' for " + p
        + "visibility-timeout: expected at most 12h (the SQS maximum)"));
    AwsKeys.rejectUnknown(r);
    r.validate();
    return new AwsSqsConfig(client, prefix, fifo, visibility);
  }

  /** @return a copy with other client settings */
  public AwsSqsConfig withClient(AwsClientSettings settings) {
    return new AwsSqsConfig(settings, queueNamePrefix, fifo, visibilityTimeout);
  }
}
