package dev.sreagent.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One log entry as a {@link LogSource} hands it over.
 *
 * @param id the source's id of the event, unique within the source (used to avoid duplicates at cursor
 *     boundaries)
 * @param timestamp when the event happened
 * @param severity mapped severity
 * @param service the emitting service (log group, container, resource name…), "" if unknown
 * @param message the message text, with a multi-line stack trace joined with {@code \n}; untrusted data
 * @param traceId the trace id when the entry carries one
 * @param attributes other structured fields, flattened to strings
 */
public record LogEvent(
    String id,
    Instant timestamp,
    Severity severity,
    String service,
    String message,
    @Nullable String traceId,
    Map<String, String> attributes) {

  /** Validates and copies. */
  public LogEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(message, "message");
    attributes = Map.copyOf(attributes);
  }

  /** @return the trace id, if any */
  public Optional<String> trace() {
    return Optional.ofNullable(traceId);
  }

  /** @return a copy with another message (after normalization or redaction) */
  public LogEvent withMessage(String newMessage) {
    return new LogEvent(id, timestamp, severity, service, newMessage, traceId, attributes);
  }
}
