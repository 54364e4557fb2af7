package dev.sreagent.redact;

/**
 * Receives the counts of each redaction (and each failure) as it happens, to write them to the audit
 * log. Called on the thread that called {@link RedactionSession#redact(String)}, only when something was
 * replaced or redaction failed. Must be thread safe and quick; an exception it throws is logged and
 * ignored (the text is already redacted).
 */
@FunctionalInterface
public interface RedactionListener {
  /** A listener that ignores every event. */
  RedactionListener NONE = event -> { };

  /** @param event what one call replaced */
  void onRedaction(RedactionEvent event);
}
