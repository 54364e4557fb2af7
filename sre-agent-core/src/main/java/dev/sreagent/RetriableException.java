package dev.sreagent;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A transient failure: throttling (HTTP 429), a server error (5xx), a timeout or a dropped connection.
 * The same call may succeed later. When the remote side said how long to wait (for example a
 * {@code Retry-After} header or a rate-limit reset time), {@link #retryAfter()} carries it.
 */
public class RetriableException extends SreAgentException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /** @param message what failed */
  public RetriableException(String message) {
    this(message, null, null);
  }

  /**
   * @param message what failed
   * @param cause the vendor exception
   */
  public RetriableException(String message, @Nullable Throwable cause) {
    this(message, null, cause);
  }

  /**
   * @param message what failed
   * @param retryAfter how long the remote side asked us to wait, if it said
   * @param cause the vendor exception
   */
  public RetriableException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** @return the wait the remote side asked for, when it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
