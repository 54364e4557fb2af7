package dev.sreagent.redact;

import java.util.Map;

/**
 * One placeholder scope (one incident). Thread safe.
 */
public interface RedactionSession {
  /**
   * Fails closed: if redaction itself fails, the text is replaced by a marker, never passed through.
   *
   * @param text untrusted text
   * @return the text with secrets and PII replaced by placeholders such as {@code <email:1>}
   */
  String redact(String text);

  /** @return how many values of each kind this session replaced (never the values) */
  Map<String, Long> counts();
}
