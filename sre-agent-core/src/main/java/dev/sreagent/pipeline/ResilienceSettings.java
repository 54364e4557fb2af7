package dev.sreagent.pipeline;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;

/**
 * Retry and circuit-breaker settings of the {@link ModelRouter}, from {@code sre-agent.model.*}. The
 * per-call timeout is the request's ({@link PipelineSettings#modelTimeout()}).
 *
 * @param maxRetries retries per client after the first attempt, for retriable failures only; {@code sre-agent.model.max-retries}, default 2
 * @param backoffMin first backoff; {@code sre-agent.model.backoff-min}, default 500ms
 * @param backoffMax backoff cap; {@code sre-agent.model.backoff-max}, default 20s
 * @param jitter random fraction added or removed from each delay; {@code sre-agent.model.jitter}, default 0.25
 * @param breakerFailures failures within {@code breakerWindow} calls that open a client's circuit; {@code sre-agent.model.breaker-failures}, default 5
 * @param breakerWindow calls the breaker looks at; {@code sre-agent.model.breaker-window}, default 10
 * @param breakerOpenFor how long an open circuit refuses calls before trying one; {@code sre-agent.model.breaker-open-for}, default 60s
 */
public record ResilienceSettings(
    int maxRetries, Duration backoffMin, Duration backoffMax, double jitter, int breakerFailures, int breakerWindow, Duration breakerOpenFor) {

  /** Key prefix. */
  public static final String PREFIX = "sre-agent.model.";

  /** Validates. */
  public ResilienceSettings {
    Objects.requireNonNull(backoffMin, "backoffMin");
    Objects.requireNonNull(backoffMax, "backoffMax");
    Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
    if (maxRetries < 0 || backoffMin.isNegative() || backoffMax.compareTo(backoffMin) < 0 || jitter < 0 || jitter >= 1
        || breakerFailures < 1 || breakerWindow < breakerFailures) {
      throw new IllegalArgumentException("invalid model resilience settings");
    }
  }

  /** @return the defaults listed on each component */
  public static ResilienceSettings defaults() {
    return from(ConfigProperties.empty());
  }

  /**
   * @return settings read from {@code config}
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static ResilienceSettings from(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.model");
    int retries = r.integer(PREFIX + "max-retries", 2, 0, 10);
    Duration min = r.positiveDuration(PREFIX + "backoff-min", Duration.ofMillis(500));
    Duration max = r.positiveDuration(PREFIX + "backoff-max", Duration.ofSeconds(20));
    double jitter = r.decimal(PREFIX + "jitter", 0.25, 0.0, 0.99);
    int failures = r.integer(PREFIX + "breaker-failures", 5, 1, 1000);
    int window = r.integer(PREFIX + "breaker-window", 10, 1, 10_000);
    Duration open = r.positiveDuration(PREFIX + "breaker-open-for", Duration.ofSeconds(60));
    r.check(max.compareTo(min) >= 0, "Invalid values for " + PREFIX + "backoff-min and " + PREFIX + "backoff-max: the maximum "
        + max + " is below the minimum " + min);
    r.check(window >= failures, "Invalid values for " + PREFIX + "breaker-window and " + PREFIX + "breaker-failures: the window "
        + window + " is smaller than the failure threshold " + failures);
    r.validate();
    return new ResilienceSettings(retries, min, max, jitter, failures, window, open);
  }
}
