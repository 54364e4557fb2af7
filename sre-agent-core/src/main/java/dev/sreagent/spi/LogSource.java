package dev.sreagent.spi;

import java.time.Duration;

/**
 * Pulls error logs from a log service with an opaque cursor.
 *
 * <p>Semantics: {@code poll(cursor, …)} returns the events after {@code cursor} and the cursor that
 * follows them. Polling again with the same cursor returns the same events (or more); polling with the
 * returned cursor never returns an event already returned (by {@linkplain LogEvent#id() id}) and never skips
 * one. The agent checkpoints the cursor only after the batch is processed, so a restart resumes without
 * loss or repeats.
 *
 * <p>Discovered through {@link LogSourceProvider} and selected by {@code sre-agent.log-source}.
 * Implementations must be thread safe; the agent polls from one thread.
 */
public interface LogSource extends AutoCloseable {

  /**
   * @param cursor where to start; {@link LogCursor#START} for the configured starting point
   * @param maxEvents at most this many events (at least 1)
   * @param maxWait how long to wait for events when none are ready (zero: do not wait)
   * @return the events and the next cursor
   * @throws dev.sreagent.NonRetriableException when the cursor is not one this source made
   * @throws dev.sreagent.RetriableException on throttling, 5xx or timeouts
   */
  LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait);

  /** Releases connections and files. Idempotent. */
  @Override
  void close();
}
