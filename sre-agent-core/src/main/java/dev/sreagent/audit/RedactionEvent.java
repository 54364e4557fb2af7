package dev.sreagent.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How many values of each kind the redactor replaced while one incident was processed (never the values).
 *
 * @param at when the incident's processing ended
 * @param fingerprint the incident's fingerprint
 * @param counts kind of value (such as {@code email}) → how many were replaced
 */
public record RedactionEvent(Instant at, String fingerprint, Map<String, Long> counts) implements AuditEvent {
  /** Validates and copies. */
  public RedactionEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fingerprint, "fingerprint");
    counts = Map.copyOf(counts);
  }

  /** @return the total number of replaced values */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public String toLogLine() {
    StringBuilder sb = new StringBuilder("event=redaction fingerprint=").append(fingerprint).append(" total=").append(total());
    new TreeMap<>(counts).forEach((k, v) -> sb.append(" redacted.").append(k).append('=').append(v));
    return sb.toString();
  }
}
