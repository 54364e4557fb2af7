package dev.sreagent.github.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by {@link TimedExchange} when one HTTP exchange with GitHub outlasts
 * {@link dev.sreagent.github.GitHubConfig#REQUEST_TIMEOUT}. Deliberately a plain {@link IOException}: github-api
 * resends requests that failed with a {@link java.net.SocketTimeoutException}, and a stalled GitHub must not be
 * asked again in a loop. {@link GitHubErrors} turns it into a {@link dev.sreagent.RetriableException}.
 */
final class GitHubTimeoutException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Duration timeout;

  GitHubTimeoutException(Duration timeout, Throwable cause) {
    super("GitHub did not answer within " + format(timeout), cause);
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** @return the limit that was exceeded */
  Duration timeout() {
    return timeout;
  }

  /** @return {@code 300ms}, {@code 30s}: the configuration spelling */
  static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
