package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.FrameRules;
import dev.sreagent.grouping.internal.GoPanicParser;
import dev.sreagent.grouping.internal.Hashing;
import dev.sreagent.grouping.internal.JavaTraceParser;
import dev.sreagent.grouping.internal.NodeErrorParser;
import dev.sreagent.grouping.internal.PythonTraceParser;
import java.util.List;
import java.util.Optional;

/**
 * Finds a stack trace in a message (Java with {@code Caused by:} and {@code ... N more}, Python tracebacks, Go
 * panics, Node.js errors) and fingerprints it: {@code fp1:s:} and a 64-bit hash of the language, the exception
 * types and the normalized in-app frames. Line numbers, messages, lambda/proxy/generated suffixes do not
 * count, so a rebuild or a different order id gives the same fingerprint. Immutable and thread safe.
 *
 * <p>Version {@code fp1}: changing what goes into the hash must change the prefix, so fingerprints of two
 * versions never collide silently (docs/GROUPING.md).
 */
public final class StackTraceFingerprinter {
  /** Default {@code maxFrames}. */
  public static final int DEFAULT_MAX_FRAMES = 5;

  private final FrameRules rules;
  private final int maxFrames;

  /**
   * @param appPackages application package prefixes (JVM), module prefixes (Python, Go) or path fragments
   *     (Node.js); empty to skip the runtime's and common frameworks' frames instead
   * @param maxFrames frames per exception of the chain that count, at least 1
   */
  public StackTraceFingerprinter(List<String> appPackages, int maxFrames) {
    if (maxFrames < 1) {
      throw new IllegalArgumentException("maxFrames must be at least 1, got " + maxFrames);
    }
    this.rules = new FrameRules(appPackages);
    this.maxFrames = maxFrames;
  }

  /** @return a fingerprinter with no application packages and {@value #DEFAULT_MAX_FRAMES} frames */
  public static StackTraceFingerprinter create() {
    return new StackTraceFingerprinter(List.of(), DEFAULT_MAX_FRAMES);
  }

  /**
   * @param message a log message (any text; never fails)
   * @return the stack trace in it, if any; a single-line message never holds one
   */
  public Optional<StackTrace> parse(String message) {
    if (message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
      return Optional.empty();
    }
    List<String> lines = splitLines(message);
    StackTrace t = null;
    if (PythonTraceParser.looksLikePython(message)) {
      t = PythonTraceParser.parse(lines, rules, maxFrames);
    } else if (GoPanicParser.looksLikeGo(message)) {
      t = GoPanicParser.parse(lines, rules, maxFrames);
    } else if (JavaTraceParser.looksLikeJava(lines)) {
      t = JavaTraceParser.parse(lines, rules, maxFrames);
    } else if (NodeErrorParser.looksLikeNode(lines)) {
      t = NodeErrorParser.parse(lines, rules, maxFrames);
    }
    return Optional.ofNullable(t);
  }

  /**
   * @param trace a parsed trace
   * @return its fingerprint, {@code fp1:s:} and 16 hex digits
   */
  public static String fingerprint(StackTrace trace) {
    StringBuilder sb = new StringBuilder(256);
    sb.append(trace.language().name()).append('\n');
    for (String t : trace.exceptionTypes()) {
      sb.append(t).append('\u0001');
    }
    sb.append('\n');
    for (String f : trace.frames()) {
      sb.append(f).append('\u0001');
    }
    return "fp1:s:" + Hashing.hex64(sb);
  }

  private static List<String> splitLines(String message) {
    List<String> lines = new java.util.ArrayList<>();
    int s = 0;
    int n = message.length();
    for (int i = 0; i < n; i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(message.substring(s, i));
        if (c == '\r' && i + 1 < n && message.charAt(i + 1) == '\n') {
          i++;
        }
        s = i + 1;
      }
    }
    lines.add(message.substring(s));
    return lines;
  }
}
