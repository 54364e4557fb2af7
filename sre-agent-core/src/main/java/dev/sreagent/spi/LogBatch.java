package dev.sreagent.spi;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link LogSource#poll} returned.
 *
 * @param events the events, oldest first, possibly none
 * @param next the cursor to pass to the next poll once these events are processed
 */
public record LogBatch(List<LogEvent> events, LogCursor next) {
  /** Validates and copies. */
  public LogBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }
}
