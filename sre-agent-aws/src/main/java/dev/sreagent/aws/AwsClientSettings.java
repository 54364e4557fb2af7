package dev.sreagent.aws;

import dev.sreagent.aws.internal.AwsKeys;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one AWS service client is built: region, endpoint override, timeouts and retries. Shared by the
 * four AWS configuration records; credentials are never part of it (the SDK's default chain, or a
 * provider the host passes to a builder).
 *
 * @param region the region ({@code sre-agent.aws.region}); empty for the SDK's default region chain
 *     ({@code AWS_REGION}, profile, instance metadata)
 * @param endpoint an endpoint override ({@code sre-agent.aws.<service>.endpoint}) for VPC endpoints and
 *     tests; empty for the SDK's regional endpoint
 * @param apiCallTimeout the whole call including retries ({@code sre-agent.aws.api-call-timeout})
 * @param connectTimeout TCP connect timeout ({@code sre-agent.aws.connect-timeout})
 * @param readTimeout socket read timeout ({@code sre-agent.aws.<service>.read-timeout})
 * @param maxAttempts SDK attempts per call, 1 = no SDK retry ({@code sre-agent.aws.retry.max-attempts})
 * @param baseDelay first backoff for 5xx and I/O errors ({@code sre-agent.aws.retry.base-delay})
 * @param throttlingBaseDelay first backoff after throttling ({@code sre-agent.aws.retry.throttling-base-delay})
 * @param maxBackoff the longest single backoff ({@code sre-agent.aws.retry.max-backoff})
 * @param production {@code sre-agent.mode=production}: the SDK default chain may not hand out long-term
 *     (IAM user) access keys, only temporary credentials (roles, SSO, web identity)
 */
public record AwsClientSettings(
    Optional<String> region,
    Optional<URI> endpoint,
    Duration apiCallTimeout,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration baseDelay,
    Duration throttlingBaseDelay,
    Duration maxBackoff,
    boolean production) {

  /** Validates. */
  public AwsClientSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(throttlingBaseDelay, "throttlingBaseDelay");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /**
   * @param defaultReadTimeout the service's default read timeout
   * @return the defaults: default region chain, no endpoint override, 30 s per call, 3 attempts
   */
  public static AwsClientSettings defaults(Duration defaultReadTimeout) {
    return new AwsClientSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(5),
        defaultReadTimeout, 3, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(20), false);
  }

  /** @return a copy pointed at {@code uri} (tests, VPC endpoints); no plain-http check: the caller chose it in code */
  public AwsClientSettings withEndpoint(URI uri) {
    return new AwsClientSettings(region, Optional.of(uri), apiCallTimeout, connectTimeout, readTimeout, maxAttempts,
        baseDelay, throttlingBaseDelay, maxBackoff, production);
  }

  /** @return a copy in {@code newRegion} */
  public AwsClientSettings withRegion(String newRegion) {
    return new AwsClientSettings(Optional.of(newRegion), endpoint, apiCallTimeout, connectTimeout, readTimeout, maxAttempts,
        baseDelay, throttlingBaseDelay, maxBackoff, production);
  }

  /** @return a copy with other retry settings */
  public AwsClientSettings withRetries(int attempts, Duration base, Duration throttlingBase, Duration max) {
    return new AwsClientSettings(region, endpoint, apiCallTimeout, connectTimeout, readTimeout, attempts, base,
        throttlingBase, max, production);
  }

  /** @return a copy with another per-call timeout */
  public AwsClientSettings withApiCallTimeout(Duration timeout) {
    return new AwsClientSettings(region, endpoint, timeout, connectTimeout, readTimeout, maxAttempts, baseDelay,
        throttlingBaseDelay, maxBackoff, production);
  }

  /**
   * Reads the shared keys and the service's endpoint and read timeout, recording problems in {@code r}.
   *
   * @param r the reader collecting problems
   * @param service the service's key segment: {@code logs}, {@code sqs}, {@code secrets}, {@code bedrock}
   * @param defaultReadTimeout the service's default read timeout
   */
  public static AwsClientSettings read(ConfigReader r, String service, Duration defaultReadTimeout) {
    AwsClientSettings d = defaults(defaultReadTimeout);
    String p = AwsKeys.PREFIX;
    Optional<String> region = r.optional(p + "region").map(String::trim);
    region.ifPresent(v -> r.check(v.matches("[a-z]{2}(-[a-z]+)+-\\d+"),
        "Invalid value '" + v + "' for " + p + "region: expected an AWS region such as us-east-1 or eu-west-3"));
    Optional<URI> endpoint = r.endpoint(p + service + ".endpoint");
    Duration apiCall = r.positiveDuration(p + "api-call-timeout", d.apiCallTimeout());
    Duration connect = r.positiveDuration(p + "connect-timeout", d.connectTimeout());
    Duration read = r.positiveDuration(p + service + ".read-timeout", defaultReadTimeout);
    int attempts = r.integer(p + "retry.max-attempts", d.maxAttempts(), 1, 10);
    Duration base = r.positiveDuration(p + "retry.base-delay", d.baseDelay());
    Duration throttling = r.positiveDuration(p + "retry.throttling-base-delay", d.throttlingBaseDelay());
    Duration max = r.positiveDuration(p + "retry.max-backoff", d.maxBackoff());
    boolean production = r.mode() == ConfigProperties.Mode.PRODUCTION;
    return new AwsClientSettings(region, endpoint, apiCall, connect, read, attempts, base, throttling, max, production);
  }
}
