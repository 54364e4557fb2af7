package dev.sreagent.grouping.internal;

import dev.sreagent.grouping.StackTrace;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses Node.js {@code Error.stack}: {@code TypeError: message} then {@code at fn (path:line:col)} frames,
 * with {@code [cause]: Error: …} chains.
 */
public final class NodeErrorParser {
  private NodeErrorParser() {}

  /** @return true when some line looks like a V8 frame */
  public static boolean looksLikeNode(List<String> lines) {
    for (String l : lines) {
      if (location(l) != null) {
        return true;
      }
    }
    return false;
  }

  /** @return the trace, or null when there is none */
  public static @Nullable StackTrace parse(List<String> lines, FrameRules rules, int maxFrames) {
    List<String> types = new ArrayList<>();
    List<List<String>> segments = new ArrayList<>();
    String message = null;
    List<String> current = null;
    for (String raw : lines) {
      String t = raw.trim();
      if (t.startsWith("{ ")) {
        t = t.substring(2).trim();
      }
      if (t.startsWith("[cause]: ")) {
        t = t.substring(9).trim();
      }
      String loc = location(raw);
      if (loc != null) {
        if (current == null) {
          types.add("Error");
          current = new ArrayList<>();
          segments.add(current);
        }
        current.add(loc);
        continue;
      }
      String type = headerType(t);
      if (type != null) {
        types.add(type);
        if (message == null) {
          int colon = t.indexOf(": ");
          message = colon < 0 ? "" : t.substring(colon + 2);
        }
        current = new ArrayList<>();
        segments.add(current);
      }
    }
    if (segments.isEmpty() || segments.stream().allMatch(List::isEmpty)) {
      return null;
    }
    List<String> frames = new ArrayList<>();
    for (List<String> seg : segments) {
      List<String> picked = new ArrayList<>();
      for (String f : seg) {
        int at = f.indexOf('\u0000');
        String path = f.substring(at + 1);
        boolean library = path.contains("node_modules/") || path.startsWith("node:") || path.startsWith("internal/")
            || path.equals("<anonymous>") || path.equals("native");
        if (rules.hasAppPackages() ? rules.isApp(path) : !library) {
          picked.add(normalize(f));
        }
      }
      TraceLines.addTop(picked, maxFrames, frames);
    }
    if (frames.isEmpty()) {
      for (List<String> seg : segments) {
        for (int i = 0; i < seg.size() && frames.size() < maxFrames; i++) {
          frames.add(normalize(seg.get(i)));
        }
      }
    }
    return new StackTrace(StackTrace.Language.NODE, types, frames, message == null ? "" : message);
  }

  private static String normalize(String f) {
    int at = f.indexOf('\u0000');
    String fn = f.substring(0, at);
    String path = f.substring(at + 1).replace('\\', '/');
    int nm = path.lastIndexOf("node_modules/");
    if (nm >= 0) {
      path = path.substring(nm + "node_modules/".length());
    } else {
      int cut = path.lastIndexOf('/');
      cut = cut > 0 ? path.lastIndexOf('/', cut - 1) : -1;
      path = path.substring(cut + 1);
    }
    int ext = path.lastIndexOf('.');
    if (ext > 0 && path.indexOf('/', ext) < 0) {
      path = path.substring(0, ext);
    }
    return fn + "@" + path;
  }

  /** @return {@code function\0path} of a frame line {@code at [async ][new ]fn (path:l:c)} or {@code at path:l:c}, or null */
  static @Nullable String location(String line) {
    int i = TraceLines.indent(line);
    if (i == 0 || !line.startsWith("at ", i)) {
      return null;
    }
    String rest = line.substring(i + 3).trim();
    String fn = "<anonymous>";
    String loc = rest;
    if (rest.endsWith(")")) {
      int open = rest.lastIndexOf(" (");
      if (open < 0) {
        return null; // a JVM frame: at a.b.C.m(File.java:1)
      }
      fn = rest.substring(0, open).trim();
      loc = rest.substring(open + 2, rest.length() - 1);
    } else if (rest.indexOf(' ') >= 0) {
      return null;
    }
    for (String p : new String[] {"async ", "new "}) {
      if (fn.startsWith(p)) {
        fn = fn.substring(p.length());
      }
    }
    int bracket = fn.indexOf(" [as ");
    if (bracket > 0) {
      fn = fn.substring(0, bracket);
    }
    if (fn.startsWith("Object.")) {
      fn = fn.substring(7);
    }
    // strip :line:col
    int c2 = loc.lastIndexOf(':');
    if (c2 > 0 && isDigits(loc, c2 + 1)) {
      int c1 = loc.lastIndexOf(':', c2 - 1);
      loc = c1 > 0 && isDigits(loc.substring(0, c2), c1 + 1) ? loc.substring(0, c1) : loc.substring(0, c2);
    } else if (!loc.equals("<anonymous>") && !loc.equals("native")) {
      return null;
    }
    if (loc.startsWith("file://")) {
      loc = loc.substring(7);
    }
    return fn + '\u0000' + loc;
  }

  private static boolean isDigits(String s, int from) {
    if (from >= s.length()) {
      return false;
    }
    for (int k = from; k < s.length(); k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String headerType(String t) {
    String s = t.startsWith("Uncaught ") ? t.substring(9) : t;
    int colon = s.indexOf(':');
    String type = colon < 0 ? s : s.substring(0, colon);
    int bracket = type.indexOf(" [");
    if (bracket > 0) {
      type = type.substring(0, bracket); // Error [ERR_X]: …
    }
    if (type.isEmpty() || !Character.isUpperCase(type.charAt(0))) {
      return null;
    }
    for (int i = 0; i < type.length(); i++) {
      if (!Character.isJavaIdentifierPart(type.charAt(i))) {
        return null;
      }
    }
    return type.endsWith("Error") || type.endsWith("Exception") ? type : null;
  }
}
