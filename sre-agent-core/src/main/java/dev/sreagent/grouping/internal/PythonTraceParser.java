package dev.sreagent.grouping.internal;

import dev.sreagent.grouping.StackTrace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses Python tracebacks, including chains ({@code During handling of the above exception…} and {@code The
 * above exception was the direct cause…}); Python prints the root cause first, so the chain is reversed to
 * put the outermost exception first.
 */
public final class PythonTraceParser {
  static final String START = "Traceback (most recent call last):";

  private PythonTraceParser() {}

  /** @return true when the message holds a traceback */
  public static boolean looksLikePython(String message) {
    return message.contains(START);
  }

  /** @return the trace, or null when there is none */
  public static @Nullable StackTrace parse(List<String> lines, FrameRules rules, int maxFrames) {
    List<String> types = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String raw : lines) {
      String t = raw.trim();
      if (t.endsWith(START)) {
        current = new ArrayList<>();
        continue;
      }
      if (current == null) {
        continue;
      }
      if (t.startsWith("File \"")) {
        String f = frame(t, rules);
        if (f != null) {
          current.add(f);
        }
        continue;
      }
      if (TraceLines.indent(raw) == 0 && !t.isEmpty()) {
        String type = typeOf(t);
        if (type != null) {
          types.add(type);
          int colon = t.indexOf(": ");
          messages.add(colon < 0 ? "" : t.substring(colon + 2));
          blocks.add(current);
          current = null;
        }
      }
    }
    if (types.isEmpty()) {
      return null;
    }
    Collections.reverse(types);
    Collections.reverse(blocks);
    List<String> frames = new ArrayList<>();
    for (List<String> block : blocks) {
      List<String> picked = new ArrayList<>();
      for (String f : block) {
        if (f.startsWith("+")) {
          picked.add(f.substring(1));
        }
      }
      // Python prints the innermost call last: the top frames are at the end
      Collections.reverse(picked);
      TraceLines.addTop(picked, maxFrames, frames);
    }
    if (frames.isEmpty()) {
      List<String> block = blocks.get(0);
      for (int i = block.size() - 1; i >= 0 && frames.size() < maxFrames; i--) {
        frames.add(block.get(i).substring(1));
      }
    }
    return new StackTrace(StackTrace.Language.PYTHON, types, frames, messages.get(messages.size() - 1));
  }

  /** @return {@code +module:function} for an application frame, {@code -module:function} otherwise */
  private static @Nullable String frame(String t, FrameRules rules) {
    int q = t.indexOf('"', 6);
    if (q < 0) {
      return null;
    }
    String path = t.substring(6, q).replace('\\', '/');
    int in = t.indexOf(", in ", q);
    String func = in < 0 ? "?" : t.substring(in + 5).trim();
    String module = module(path);
    boolean library = path.contains("site-packages/") || path.contains("dist-packages/") || path.contains("/lib/python")
        || path.startsWith("<");
    boolean app = rules.hasAppPackages() ? rules.isApp(module) || rules.isApp(path) : !library;
    return (app ? "+" : "-") + module + ":" + func;
  }

  private static String module(String path) {
    String p = path;
    int sp = Math.max(p.lastIndexOf("site-packages/"), p.lastIndexOf("dist-packages/"));
    if (sp >= 0) {
      p = p.substring(sp + "site-packages/".length());
    } else {
      int cut = p.lastIndexOf('/');
      cut = cut > 0 ? p.lastIndexOf('/', cut - 1) : -1;
      p = p.substring(cut + 1);
    }
    if (p.endsWith(".py")) {
      p = p.substring(0, p.length() - 3);
    }
    return p.replace('/', '.');
  }

  private static @Nullable String typeOf(String t) {
    if (t.startsWith("During handling") || t.startsWith("The above exception")) {
      return null;
    }
    int colon = t.indexOf(':');
    String type = colon < 0 ? t : t.substring(0, colon);
    if (type.isEmpty() || type.length() > 200) {
      return null;
    }
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        return null;
      }
    }
    return Character.isLetter(type.charAt(0)) || type.charAt(0) == '_' ? type : null;
  }
}
