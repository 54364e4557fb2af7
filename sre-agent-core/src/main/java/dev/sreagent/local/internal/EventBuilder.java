package dev.sreagent.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link EventLines} into a {@link LogEvent}.
 *
 * <p>JSON: the timestamp from {@code timestamp|@timestamp|time|ts} (ISO-8601, or epoch seconds or
 * milliseconds), severity from {@code severity|level|levelname|log.level}, message from
 * {@code message|msg|log}, service from {@code service|service.name|serviceName|app}, trace id from
 * {@code traceId|trace_id|trace|logging.googleapis.com/trace}; a {@code stack_trace|stackTrace|exception|stack}
 * string is appended to the message on new lines; every other field becomes an attribute (nested objects
 * flattened with dots, arrays as JSON text).
 *
 * <p>Text: a leading ISO-like timestamp ({@code 2024-05-01 12:00:00,123} or {@code 2024-05-01T12:00:00Z};
 * no zone means UTC) and the first level word ({@code ERROR}, {@code WARN}, {@code level=error},
 * {@code [error]}…); a text event with a stack trace and no level word is an error.
 *
 * <p>An event without a readable timestamp takes the previous event's, or {@code fallback}.
 */
public final class EventBuilder {
  private static final List<String> TIME_KEYS = List.of("timestamp", "@timestamp", "time", "ts");
  private static final List<String> LEVEL_KEYS = List.of("severity", "level", "levelname", "log.level");
  private static final List<String> MESSAGE_KEYS = List.of("message", "msg", "log");
  private static final List<String> SERVICE_KEYS = List.of("service", "service.name", "serviceName", "app");
  private static final List<String> TRACE_KEYS = List.of("traceId", "trace_id", "trace", "logging.googleapis.com/trace");
  private static final List<String> STACK_KEYS = List.of("stack_trace", "stackTrace", "exception", "stack");

  private static final Pattern TEXT_TIME = Pattern.compile(
      "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern LEVEL_WORD = Pattern.compile(
      "\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRITICAL|CRIT|ALERT|EMERGENCY|PANIC)\\b");
  private static final Pattern LEVEL_KV = Pattern.compile("(?i)\\blevel[=:]\\s*\"?([a-z]+)");
  private static final Pattern LEVEL_BRACKET = Pattern.compile("(?i)\\[(trace|debug|info|notice|warn|warning|error|err|fatal|critical|crit|alert|emerg|emergency|panic)]");

  private final String defaultService;
  private final Map<String, String> baseAttributes;
  private Instant last;

  /**
   * @param defaultService the service of events that do not name one
   * @param baseAttributes attributes every event carries (the file name)
   * @param fallback the timestamp of events before the first one that has a readable timestamp
   */
  public EventBuilder(String defaultService, Map<String, String> baseAttributes, Instant fallback) {
    this.defaultService = defaultService;
    this.baseAttributes = Map.copyOf(baseAttributes);
    this.last = fallback;
  }

  /** @return the event, with id {@code id} */
  public LogEvent build(String id, EventLines lines) {
    ObjectNode json = lines.json();
    return json != null ? fromJson(id, json) : fromText(id, lines);
  }

  private LogEvent fromText(String id, EventLines lines) {
    String first = lines.lines().get(0);
    Instant ts = textTimestamp(first);
    if (ts != null) {
      last = ts;
    }
    Severity sev = textSeverity(first);
    if (sev == Severity.UNKNOWN && lines.lines().size() > 1) {
      sev = Severity.ERROR;
    }
    Map<String, String> attrs = new LinkedHashMap<>(baseAttributes);
    if (lines.jsonError() != null) {
      attrs.put("log.parse-error", lines.jsonError());
    }
    return new LogEvent(id, last, sev, defaultService, String.join("\n", lines.lines()), null, attrs);
  }

  private LogEvent fromJson(String id, ObjectNode node) {
    ObjectNode n = node.deepCopy();
    Instant ts = null;
    for (String k : TIME_KEYS) {
      JsonNode v = n.remove(k);
      if (v != null && ts == null) {
        ts = jsonTime(v);
      }
    }
    if (ts != null) {
      last = ts;
    }
    String level = take(n, LEVEL_KEYS);
    String message = take(n, MESSAGE_KEYS);
    String service = take(n, SERVICE_KEYS);
    String trace = take(n, TRACE_KEYS);
    String stack = take(n, STACK_KEYS);
    Severity sev = level == null ? Severity.UNKNOWN : Severity.parse(level);
    String text = message == null ? "" : message;
    if (stack != null && !stack.isBlank()) {
      text = text.isEmpty() ? stack : text + "\n" + stack;
      if (sev == Severity.UNKNOWN) {
        sev = Severity.ERROR;
      }
    }
    Map<String, String> attrs = new LinkedHashMap<>(baseAttributes);
    flatten("", n, attrs);
    return new LogEvent(id, last, sev, service == null || service.isBlank() ? defaultService : service, text, trace, attrs);
  }

  private static @Nullable String take(ObjectNode n, List<String> keys) {
    String found = null;
    for (String k : keys) {
      JsonNode v = n.get(k);
      if (v != null && v.isValueNode()) {
        n.remove(k);
        if (found == null && !v.isNull()) {
          found = v.asText();
        }
      }
    }
    return found;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String key = prefix + f.getKey();
      JsonNode v = f.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, out);
      } else if (v.isArray()) {
        out.put(key, v.toString());
      } else if (!v.isNull()) {
        out.put(key, v.asText());
      }
    }
  }

  private static @Nullable Instant jsonTime(JsonNode v) {
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      BigDecimal millis = d.abs().compareTo(BigDecimal.valueOf(100_000_000_000L)) >= 0 ? d : d.movePointRight(3);
      try {
        return Instant.ofEpochMilli(millis.longValue()).plusNanos(millis.remainder(BigDecimal.ONE).movePointRight(6).longValue());
      } catch (ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
    }
    return v.isTextual() ? isoTime(v.asText()) : null;
  }

  static @Nullable Instant isoTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return textTimestamp(s);
      }
    }
  }

  static @Nullable Instant textTimestamp(String line) {
    Matcher m = TEXT_TIME.matcher(line);
    if (!m.find()) {
      return null;
    }
    String frac = m.group(3) == null ? "" : "." + m.group(3);
    String zone = m.group(4) == null ? "Z" : m.group(4);
    if (zone.length() == 5) {
      zone = zone.substring(0, 3) + ":" + zone.substring(3);
    }
    try {
      return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + frac + zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Severity textSeverity(String line) {
    Matcher m = LEVEL_WORD.matcher(line);
    if (m.find()) {
      return Severity.parse(m.group(1));
    }
    m = LEVEL_KV.matcher(line);
    if (m.find() && Severity.parse(m.group(1)) != Severity.UNKNOWN) {
      return Severity.parse(m.group(1));
    }
    m = LEVEL_BRACKET.matcher(line);
    if (m.find()) {
      return Severity.parse(m.group(1));
    }
    return Severity.UNKNOWN;
  }
}
