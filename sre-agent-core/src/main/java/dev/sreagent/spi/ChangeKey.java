package dev.sreagent.spi;

import java.util.Objects;

/**
 * The idempotency key of a change or report, derived from the incident fingerprint: the same key never
 * opens a second pull request or issue. Safe as a branch-name segment.
 *
 * @param value 1–100 characters of {@code [a-z0-9._-]}, starting with a letter or digit
 */
public record ChangeKey(String value) {
  /** Validates. */
  public ChangeKey {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[a-z0-9][a-z0-9._-]{0,99}") || value.contains("..") || value.endsWith(".lock")) {
      throw new IllegalArgumentException(
          "a change key must be 1-100 characters of a-z, 0-9, '.', '_', '-', start with a letter or digit, and not contain '..': "
              + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
