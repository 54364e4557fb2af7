package dev.sreagent.runtime;

import dev.sreagent.spi.LogCursor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the agent checkpoints its log cursor. The agent saves a cursor only after the batch before it has
 * been processed and its incidents published, so a restart resumes without loss (at worst it re-reads one
 * batch, and the change keys make that harmless). Implementations must be thread safe and make
 * {@link #save} durable before returning.
 */
public interface CursorStore {
  /** @return the last saved cursor, empty on first start */
  Optional<LogCursor> load();

  /** Saves {@code cursor} durably, replacing the previous one. */
  void save(LogCursor cursor);

  /** @return a store that keeps the cursor in memory only (tests, the demo) */
  static CursorStore inMemory() {
    AtomicReference<LogCursor> ref = new AtomicReference<>();
    return new CursorStore() {
      @Override
      public Optional<LogCursor> load() {
        return Optional.ofNullable(ref.get());
      }

      @Override
      public void save(LogCursor cursor) {
        ref.set(cursor);
      }
    };
  }
}
