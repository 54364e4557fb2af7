package dev.sreagent;

/**
 * Root of every exception sre-agent throws. Unchecked: callers decide where to handle failures.
 *
 * <p>Three subtypes tell the caller what to do next: {@link ConfigurationException} (fix the
 * configuration, retrying will not help), {@link RetriableException} (try again, possibly after
 * {@link RetriableException#retryAfter()}), {@link NonRetriableException} (this request will fail the
 * same way again). Providers translate their vendor's errors into these in one place and keep the
 * vendor exception as the {@linkplain #getCause() cause}.
 */
public class SreAgentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong and, where possible, what to do about it
   */
  public SreAgentException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and, where possible, what to do about it
   * @param cause the underlying failure, kept for diagnosis
   */
  public SreAgentException(String message, Throwable cause) {
    super(message, cause);
  }
}
