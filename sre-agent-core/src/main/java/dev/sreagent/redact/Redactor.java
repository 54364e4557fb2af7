package dev.sreagent.redact;

/**
 * Removes secrets and PII from text. Thread safe. Each {@link RedactionSession} numbers its placeholders
 * on its own, so placeholders are stable within one incident ({@code <aws-access-key:1>} is the same value
 * everywhere in that incident) and the mapping never leaves the process.
 */
public interface Redactor {
  /** @return a new scope for placeholders (one per incident) */
  RedactionSession newSession();

  /**
   * A session for redaction at intake, where one incident's events arrive over many batches: the same value
   * gets the same placeholder in every intake session of this redactor (a tag such as {@code <email:3fa9c2d1>}
   * derived from the value with a keyed hash whose key never leaves the process), so placeholders stay
   * stable within an incident without keeping any value in memory. Default: {@link #newSession()}.
   */
  default RedactionSession newIntakeSession() {
    return newSession();
  }
}
