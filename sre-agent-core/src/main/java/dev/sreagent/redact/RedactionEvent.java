package dev.sreagent.redact;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link RedactionSession#redact(String)} call replaced, for the audit log: counts per kind,
 * never values.
 *
 * @param counts kind → number of values replaced in this text (sorted by kind)
 * @param failure when redaction failed and the text was dropped: the exception's class name (never its
 *     message, which may quote the text); null otherwise
 */
public record RedactionEvent(Map<String, Integer> counts, @Nullable String failure) {
  /** Validates and copies. */
  public RedactionEvent {
    counts = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(counts, "counts")));
  }

  /** @return true when the text was dropped because redaction failed */
  public boolean failed() {
    return failure != null;
  }
}
