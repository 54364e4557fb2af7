package dev.sreagent.github.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown inside github-api by {@link GitHubLimitHandlers} when GitHub answers with a rate limit, so that
 * the library fails the request instead of sleeping and retrying it. {@link GitHubErrors} turns it into a
 * {@link dev.sreagent.RetriableException} carrying {@link #waitTime()}.
 */
final class GitHubLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Duration waitTime;
  private final boolean secondary;

  GitHubLimitException(String message, Duration waitTime, boolean secondary) {
    super(message);
    this.waitTime = Objects.requireNonNull(waitTime, "waitTime");
    this.secondary = secondary;
  }

  /** @return how long GitHub asked us to wait */
  Duration waitTime() {
    return waitTime;
  }

  /** @return true for a secondary (abuse) limit, false for the primary hourly limit */
  boolean secondary() {
    return secondary;
  }
}
