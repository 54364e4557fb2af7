package dev.sreagent;

/**
 * A failure that will repeat if the same call is made again: authentication or permission denied
 * (401/403), not found (404), a request the service rejects (400, a context too long for the model),
 * or an answer that is not what the contract promises (invalid structured output).
 */
public class NonRetriableException extends SreAgentException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and, where possible, the fix */
  public NonRetriableException(String message) {
    super(message);
  }

  /**
   * @param message what failed and, where possible, the fix
   * @param cause the vendor exception
   */
  public NonRetriableException(String message, Throwable cause) {
    super(message, cause);
  }
}
