package dev.sreagent.redact.internal;

import java.util.Objects;

/**
 * A region of the text to replace.
 *
 * @param start first char, inclusive
 * @param end last char, exclusive
 * @param kind placeholder kind, such as {@code aws-access-key}
 * @param priority lower wins when spans overlap
 */
public record Span(int start, int end, String kind, int priority) {
  /** Validates. */
  public Span {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }

  boolean overlaps(Span o) {
    return start < o.end && o.start < end;
  }
}
