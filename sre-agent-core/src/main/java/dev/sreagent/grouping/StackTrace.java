package dev.sreagent.grouping;

import java.util.List;
import java.util.Objects;

/**
 * A stack trace found in a log message, reduced to what identifies its root cause.
 *
 * @param language the runtime that printed it
 * @param exceptionTypes exception types of the chain, outermost first ({@code Caused by:} chains in Java,
 *     chained tracebacks in Python, {@code [cause]:} in Node.js; a Go panic gives {@code panic} or {@code
 *     runtime error})
 * @param frames the normalized frames the fingerprint uses: in-app frames (or, without any, the top frames
 *     that are not from the runtime or a framework), without line numbers, lambda, proxy and generated suffixes
 * @param message the message of the outermost exception (untrusted text; used for titles only)
 */
public record StackTrace(Language language, List<String> exceptionTypes, List<String> frames, String message) {
  /** Validates and copies. */
  public StackTrace {
    Objects.requireNonNull(language, "language");
    exceptionTypes = List.copyOf(exceptionTypes);
    frames = List.copyOf(frames);
    Objects.requireNonNull(message, "message");
  }

  /** The runtime that printed a stack trace. */
  public enum Language {
    /** Java and other JVM languages printing {@code Throwable.printStackTrace} format. */
    JAVA,
    /** Python {@code Traceback (most recent call last):}. */
    PYTHON,
    /** Go {@code panic:} with goroutine stacks. */
    GO,
    /** Node.js {@code Error.stack}. */
    NODE
  }
}
