package dev.sreagent.grouping.internal;

import dev.sreagent.grouping.StackTrace;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code Throwable.printStackTrace} output: the outermost exception, its {@code Caused by:} chain,
 * frames ({@code at …(…)}), {@code ... N more} and {@code Suppressed:} blocks (skipped).
 */
public final class JavaTraceParser {
  private JavaTraceParser() {}

  /** @return true when some line looks like a JVM frame */
  public static boolean looksLikeJava(List<String> lines) {
    for (String l : lines) {
      if (frameName(l) != null) {
        return true;
      }
    }
    return false;
  }

  /** @return the trace, or null when there is none */
  public static @Nullable StackTrace parse(List<String> lines, FrameRules rules, int maxFrames) {
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (frameName(lines.get(i)) != null) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return null;
    }
    int header = -1;
    for (int i = first - 1; i >= 0; i--) {
      if (exceptionType(lines.get(i).trim()) != null) {
        header = i;
        break;
      }
    }
    List<String> types = new ArrayList<>();
    List<List<String>> segments = new ArrayList<>();
    String message = "";
    if (header >= 0) {
      String h = lines.get(header).trim();
      types.add(exceptionType(h));
      message = messageOf(h);
    } else {
      types.add("<unknown>");
    }
    List<String> current = new ArrayList<>();
    segments.add(current);
    boolean skipping = false;
    for (int i = header >= 0 ? header + 1 : first; i < lines.size(); i++) {
      String raw = lines.get(i);
      String t = raw.trim();
      if (t.startsWith("Caused by: ") && (TraceLines.indent(raw) == 0 || !skipping)) {
        String type = exceptionType(t.substring("Caused by: ".length()).trim());
        if (type != null) {
          skipping = false;
          types.add(type);
          current = new ArrayList<>();
          segments.add(current);
          continue;
        }
      }
      if (t.startsWith("Suppressed: ")) {
        skipping = true;
        continue;
      }
      if (skipping) {
        continue;
      }
      String frame = frameName(raw);
      if (frame != null) {
        current.add(frame);
      }
    }
    List<String> frames = new ArrayList<>();
    for (List<String> seg : segments) {
      List<String> picked = new ArrayList<>();
      for (String f : seg) {
        if (rules.hasAppPackages() ? rules.isApp(f) : !FrameRules.isJvmLibrary(f)) {
          picked.add(FrameRules.normalizeJvm(f));
        }
      }
      TraceLines.addTop(picked, maxFrames, frames);
    }
    if (frames.isEmpty()) {
      for (int s = segments.size() - 1; s >= 0 && frames.isEmpty(); s--) {
        List<String> seg = segments.get(s);
        for (int i = 0; i < seg.size() && i < maxFrames; i++) {
          frames.add(FrameRules.normalizeJvm(seg.get(i)));
        }
      }
    }
    return new StackTrace(StackTrace.Language.JAVA, types, frames, message);
  }

  /** @return {@code class.method} of a frame line {@code at [module/]class.method(source)}, or null */
  static @Nullable String frameName(String line) {
    int i = TraceLines.indent(line);
    if (!line.startsWith("at ", i)) {
      return null;
    }
    int start = i + 3;
    int paren = line.indexOf('(', start);
    if (paren <= start || !line.endsWith(")")) {
      return null;
    }
    for (int k = start; k < paren; k++) {
      char c = line.charAt(k);
      if (c == ' ' || c == '\t') {
        return null;
      }
    }
    String name = line.substring(start, paren);
    if (name.indexOf('.') < 0) {
      return null;
    }
    int slash = name.indexOf('/');
    if (slash >= 0 && name.lastIndexOf('$', slash) < 0) {
      int last = slash;
      while (last + 1 < name.length() && name.charAt(last + 1) == '/') {
        last++;
      }
      name = name.substring(last + 1);
    }
    return name;
  }

  /** @return the exception type of a header {@code Type} or {@code Type: message}, or null */
  static @Nullable String exceptionType(String header) {
    int colon = header.indexOf(": ");
    String type = colon < 0 ? header : header.substring(0, colon);
    if (type.endsWith(":")) {
      type = type.substring(0, type.length() - 1);
    }
    if (type.isEmpty() || type.length() > 300) {
      return null;
    }
    boolean dot = false;
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '.') {
        dot = true;
      } else if (!Character.isJavaIdentifierPart(c)) {
        return null;
      }
    }
    if (!Character.isJavaIdentifierStart(type.charAt(0))) {
      return null;
    }
    boolean named = type.endsWith("Exception") || type.endsWith("Error") || type.endsWith("Throwable")
        || type.endsWith("Failure") || type.endsWith("Fault");
    return dot || named ? type : null;
  }

  private static String messageOf(String header) {
    int colon = header.indexOf(": ");
    return colon < 0 ? "" : header.substring(colon + 2);
  }
}
