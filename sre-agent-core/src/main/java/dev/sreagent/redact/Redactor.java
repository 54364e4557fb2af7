package dev.sreagent.redact;

/**
 * Removes secrets and PII from text. Thread safe. Each {@link RedactionSession} numbers its placeholders
 * on its own, so placeholders are stable within one incident ({@code <aws-access-key:1>} is the same value
 * everywhere in that incident) and the mapping never leaves the process.
 */
public interface Redactor {
  /** @return a new scope for placeholders (one per incident) */
  RedactionSession newSession();
}
