package dev.sreagent.grouping.internal;

import dev.sreagent.grouping.StackTrace;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses Go panics and fatal errors: {@code panic: …} or {@code fatal error: …}, then the first {@code
 * goroutine N [running]:} stack of function lines and {@code file:line +0x…} lines. Go has no exception types:
 * the type is the masked panic message ({@code runtime error: index out of range [<*>] with length <*>}).
 */
public final class GoPanicParser {
  static final List<String> LIBRARY = List.of("github.com/gin-gonic/", "google.golang.org/", "golang.org/x/",
      "github.com/labstack/echo", "github.com/gorilla/", "github.com/go-chi/", "github.com/valyala/fasthttp");

  private GoPanicParser() {}

  /** @return true when the message holds a Go panic */
  public static boolean looksLikeGo(String message) {
    return (message.startsWith("panic: ") || message.contains("\npanic: ") || message.startsWith("fatal error: ")
        || message.contains("\nfatal error: ")) && message.contains("goroutine ");
  }

  /** @return the trace, or null when there is none */
  public static @Nullable StackTrace parse(List<String> lines, FrameRules rules, int maxFrames) {
    String message = null;
    int i = 0;
    for (; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.startsWith("panic: ") || t.startsWith("fatal error: ")) {
        message = t.substring(t.indexOf(": ") + 2);
        if (message.endsWith(" [recovered]")) {
          message = message.substring(0, message.length() - " [recovered]".length());
        }
        break;
      }
    }
    if (message == null) {
      return null;
    }
    for (; i < lines.size(); i++) {
      if (lines.get(i).startsWith("goroutine ")) {
        i++;
        break;
      }
    }
    List<String> all = new ArrayList<>();
    List<String> picked = new ArrayList<>();
    for (; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (raw.isBlank() || raw.startsWith("goroutine ")) {
        break;
      }
      if (raw.startsWith("\t") || raw.startsWith(" ") || raw.startsWith("created by ")) {
        continue;
      }
      String fn = function(raw.trim());
      all.add(fn);
      if (rules.hasAppPackages() ? rules.isApp(fn) : !isLibrary(fn)) {
        picked.add(fn);
      }
    }
    List<String> frames = new ArrayList<>();
    TraceLines.addTop(picked.isEmpty() ? all : picked, maxFrames, frames);
    String type = Masker.mask(message);
    if (type.length() > 200) {
      type = type.substring(0, 200);
    }
    return new StackTrace(StackTrace.Language.GO, List.of(type), frames, message);
  }

  /** {@code main.(*S).run.func2.1(0xc0000)} → {@code main.(*S).run} */
  static String function(String line) {
    String f = line;
    if (f.endsWith(")")) {
      int depth = 0;
      for (int k = f.length() - 1; k >= 0; k--) {
        char c = f.charAt(k);
        if (c == ')') {
          depth++;
        } else if (c == '(' && --depth == 0) {
          f = f.substring(0, k);
          break;
        }
      }
    }
    // drop closure suffixes .funcN and .N
    boolean changed = true;
    while (changed) {
      changed = false;
      int dot = f.lastIndexOf('.');
      if (dot > 0) {
        String last = f.substring(dot + 1);
        if (last.matches("func\\d+|\\d+")) {
          f = f.substring(0, dot);
          changed = true;
        }
      }
    }
    return f;
  }

  static boolean isLibrary(String fn) {
    int slash = fn.indexOf('/');
    int dot = fn.indexOf('.');
    String first = slash >= 0 ? fn.substring(0, slash) : fn.substring(0, Math.max(dot, 0));
    if (first.equals("main")) {
      return false;
    }
    if (!first.contains(".")) {
      return true; // standard library: runtime, net/http, sync, …
    }
    for (String p : LIBRARY) {
      if (fn.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
