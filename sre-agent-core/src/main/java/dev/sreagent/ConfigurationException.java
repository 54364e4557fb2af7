package dev.sreagent;

/**
 * The configuration is missing, malformed or refused. The message names the key and the fix; retrying
 * without changing the configuration fails the same way.
 */
public class ConfigurationException extends SreAgentException {
  private static final long serialVersionUID = 1L;

  /** @param message names the key(s) at fault and how to fix them */
  public ConfigurationException(String message) {
    super(message);
  }

  /**
   * @param message names the key(s) at fault and how to fix them
   * @param cause the underlying failure
   */
  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
