package dev.sreagent.discovery;

import java.util.Objects;

/**
 * A provider listed in {@code META-INF/services} that could not be instantiated. It is skipped; the
 * others still load.
 *
 * @param className the class named in the services file
 * @param error why it failed (the exception's class and message)
 */
public record BrokenProvider(String className, String error) {
  /** Validates. */
  public BrokenProvider {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public String toString() {
    return className + " (" + error + ")";
  }
}
