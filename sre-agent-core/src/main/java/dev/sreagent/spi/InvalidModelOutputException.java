package dev.sreagent.spi;

import dev.sreagent.NonRetriableException;

/**
 * The model's answer is not what was asked for (not JSON when a schema was requested, or not valid
 * against the schema). The message says what is wrong, never the whole answer. Core may ask once more
 * with the validation errors; it never fills in defaults.
 */
public class InvalidModelOutputException extends NonRetriableException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong with the answer */
  public InvalidModelOutputException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong with the answer
   * @param cause the parser's error
   */
  public InvalidModelOutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
