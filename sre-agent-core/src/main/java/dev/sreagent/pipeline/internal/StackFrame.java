package dev.sreagent.pipeline.internal;

import java.util.Objects;

/**
 * A stack frame parsed from log text.
 *
 * @param language which runtime's format it matched
 * @param pathHint the path the frame names, with {@code /} separators: for Java the package folders plus
 *     the file ({@code com/acme/OrderService.java}); for others the file path as printed
 * @param line the line number, 0 if unknown
 * @param function the method or function, "" if unknown
 */
public record StackFrame(Language language, String pathHint, int line, String function) {
  /** Validates. */
  public StackFrame {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(pathHint, "pathHint");
    Objects.requireNonNull(function, "function");
  }

  /** @return the last path segment, the file name */
  public String fileName() {
    int i = pathHint.lastIndexOf('/');
    return i < 0 ? pathHint : pathHint.substring(i + 1);
  }

  /** Which format a frame came from. */
  public enum Language {
    /** {@code at com.acme.Foo.bar(Foo.java:12)} (also Kotlin, Scala, Groovy). */
    JVM,
    /** {@code File "app/x.py", line 12, in f}. */
    PYTHON,
    /** {@code /src/app/x.go:12 +0x1d}. */
    GO,
    /** {@code at f (/srv/app/x.js:12:5)}. */
    NODE
  }
}
