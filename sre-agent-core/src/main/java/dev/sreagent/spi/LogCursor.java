package dev.sreagent.spi;

import java.util.Objects;

/**
 * An opaque position in a {@link LogSource}, serializable as a string so the agent can checkpoint it.
 * Only the source that made it can read it. {@link #START} asks the source for its configured starting
 * point.
 *
 * @param value the source's encoding; "" for {@link #START}
 */
public record LogCursor(String value) {
  /** The source's configured starting point (for example "now minus the look-back"). */
  public static final LogCursor START = new LogCursor("");

  /** Validates. */
  public LogCursor {
    Objects.requireNonNull(value, "value");
  }

  /** @return true for {@link #START} */
  public boolean isStart() {
    return value.isEmpty();
  }
}
