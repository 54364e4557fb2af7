package dev.sreagent.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.local.LogFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Groups lines into events. A JSON line is always one event. In text, a multi-line stack trace is joined
 * to the line it follows:
 *
 * <ul>
 *   <li>Java: {@code \tat …} frames, {@code Caused by: …}, {@code Suppressed: …}, {@code ... 12 more},
 *       {@code ... 3 common frames omitted}, and an exception line ({@code com.x.FooException: msg}) directly
 *       followed by a frame.
 *   <li>Python: {@code Traceback (most recent call last):}, the indented lines after it, the exception line
 *       that ends it ({@code ValueError: boom}), and the chaining lines {@code During handling of the above
 *       exception…} / {@code The above exception was the direct cause…}.
 * </ul>
 *
 * Blank lines are never events. An event stops growing at {@value #MAX_EVENT_CHARS} characters; the next
 * line starts a new one. Stateless between calls: grouping always starts at an event boundary.
 */
public final class LineGrouper {
  /** An event longer than this (in characters) ends; the next line starts a new event. */
  public static final int MAX_EVENT_CHARS = 1 << 20;

  private static final Pattern JAVA_FRAME = Pattern.compile("^\\s+at\\s.*");
  private static final Pattern JAVA_CAUSE = Pattern.compile("^\\s*(Caused by|Suppressed):\\s.*");
  private static final Pattern JAVA_MORE = Pattern.compile("^\\s*\\.\\.\\.\\s*\\d+\\s+(more|common frames omitted)\\s*$");
  private static final Pattern EXCEPTION_LINE = Pattern.compile(
      "^(Exception in thread \".*\" )?([a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error|Throwable|Failure)[\\w$]*(:.*)?$");
  private static final Pattern PY_TRACEBACK = Pattern.compile("^Traceback \\(most recent call last\\):\\s*$");
  private static final Pattern PY_CHAIN = Pattern.compile(
      "^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\\s*$");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogFormat format;

  /** @param format how to read lines */
  public LineGrouper(LogFormat format) {
    this.format = format;
  }

  private enum State { NONE, PY_TRACEBACK, PY_AFTER }

  /**
   * @param lines consecutive lines starting at an event boundary
   * @return the events, in order; the last one may be incomplete when more lines follow later
   */
  public List<EventLines> group(List<RawLine> lines) {
    List<EventLines> out = new ArrayList<>();
    List<String> current = new ArrayList<>();
    int currentChars = 0;
    long start = -1;
    long end = -1;
    State state = State.NONE;
    for (int i = 0; i < lines.size(); i++) {
      RawLine line = lines.get(i);
      String text = line.text();
      if (text.isBlank()) {
        continue;
      }
      if (format != LogFormat.TEXT && text.stripLeading().startsWith("{")) {
        JsonParse p = parseObject(text);
        if (p.node != null || format == LogFormat.JSON) {
          flush(out, current, start, end);
          current = new ArrayList<>();
          currentChars = 0;
          out.add(new EventLines(line.start(), line.end(), List.of(text), p.node, p.error));
          state = State.NONE;
          continue;
        }
      } else if (format == LogFormat.JSON) {
        flush(out, current, start, end);
        current = new ArrayList<>();
        currentChars = 0;
        out.add(new EventLines(line.start(), line.end(), List.of(text), null, "not a JSON object"));
        state = State.NONE;
        continue;
      }
      String next = nextNonBlank(lines, i);
      boolean continues;
      if (state == State.PY_TRACEBACK) {
        continues = true;
        if (!Character.isWhitespace(text.charAt(0))) {
          state = State.PY_AFTER;
        }
      } else if (PY_TRACEBACK.matcher(text).matches()) {
        continues = true;
        state = State.PY_TRACEBACK;
      } else if (state == State.PY_AFTER && PY_CHAIN.matcher(text).matches()) {
        continues = true;
      } else if (JAVA_FRAME.matcher(text).matches() || JAVA_CAUSE.matcher(text).matches() || JAVA_MORE.matcher(text).matches()) {
        continues = true;
        state = State.NONE;
      } else if (EXCEPTION_LINE.matcher(text).matches() && (next == null || JAVA_FRAME.matcher(next).matches())) {
        continues = true;
        state = State.NONE;
      } else {
        continues = false;
        state = State.NONE;
      }
      if (current.isEmpty() || !continues || currentChars > MAX_EVENT_CHARS) {
        flush(out, current, start, end);
        current = new ArrayList<>();
        currentChars = 0;
        start = line.start();
        if (!continues) {
          state = PY_TRACEBACK.matcher(text).matches() ? State.PY_TRACEBACK : State.NONE;
        }
      }
      current.add(text);
      currentChars += text.length() + 1;
      end = line.end();
    }
    flush(out, current, start, end);
    return out;
  }

  private static @Nullable String nextNonBlank(List<RawLine> lines, int i) {
    for (int j = i + 1; j < lines.size(); j++) {
      if (!lines.get(j).text().isBlank()) {
        return lines.get(j).text();
      }
    }
    return null;
  }

  private static void flush(List<EventLines> out, List<String> current, long start, long end) {
    if (!current.isEmpty()) {
      out.add(new EventLines(start, end, current, null, null));
    }
  }

  private record JsonParse(@Nullable ObjectNode node, @Nullable String error) {}

  private static JsonParse parseObject(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      if (n instanceof ObjectNode o) {
        return new JsonParse(o, null);
      }
      return new JsonParse(null, "not a JSON object");
    } catch (JsonProcessingException e) {
      return new JsonParse(null, e.getLocation() == null ? "invalid JSON" : "invalid JSON at column " + e.getLocation().getColumnNr());
    }
  }
}
