package dev.sreagent.aws.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one CloudWatch Logs event into a {@link LogEvent}. The service is the log group; the log stream and
 * ingestion time become attributes. A message that is a JSON object (structured logging, Lambda's JSON
 * format) gives the level, message, stack trace and trace id from its usual fields, and its other fields
 * as attributes; a plain-text message gives the first level word and an X-Ray trace id when present.
 * Malformed JSON is read as text, never dropped.
 */
public final class CloudWatchEventMapper {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ATTRIBUTES = 64;
  private static final int MAX_ATTRIBUTE_LENGTH = 1024;
  private static final List<String> LEVEL_FIELDS = List.of("level", "severity", "log.level", "levelname", "loglevel", "lvl", "Level");
  private static final List<String> MESSAGE_FIELDS = List.of("message", "msg", "errorMessage", "@message", "Message");
  private static final List<String> STACK_FIELDS = List.of("stack_trace", "stackTrace", "stacktrace", "stack", "exception",
      "error.stack_trace", "exc_info", "trace");
  private static final List<String> TRACE_FIELDS = List.of("trace_id", "traceId", "traceid", "xray_trace_id",
      "AWS-XRAY-TRACE-ID", "dd.trace_id", "otel.trace_id");
  private static final Pattern LEVEL_WORD = Pattern.compile(
      "\\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRITICAL|CRIT|ALERT|EMERG|EMERGENCY|PANIC)\\b");
  private static final Pattern ERROR_HINT = Pattern.compile("Exception|Traceback|\\bpanic:|\\bError:");
  private static final Pattern XRAY = Pattern.compile("\\b(1-[0-9a-f]{8}-[0-9a-f]{24})\\b");

  private CloudWatchEventMapper() {}

  /**
   * @param logGroup the log group the event came from
   * @param logStream its log stream ("" if unknown)
   * @param eventId CloudWatch's event id
   * @param timestampMs the event's time
   * @param ingestionMs when CloudWatch ingested it (0 if unknown)
   * @param message the raw message
   */
  public static LogEvent map(String logGroup, String logStream, String eventId, long timestampMs, long ingestionMs,
      String message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("aws.log-group", logGroup);
    if (!logStream.isEmpty()) {
      attributes.put("aws.log-stream", logStream);
    }
    if (ingestionMs > 0) {
      attributes.put("aws.ingestion-time", Instant.ofEpochMilli(ingestionMs).toString());
    }
    String id = logGroup + ":" + eventId;
    Instant ts = Instant.ofEpochMilli(timestampMs);
    JsonNode json = parseObject(message);
    if (json != null) {
      return fromJson(id, ts, logGroup, message, json, attributes);
    }
    return new LogEvent(id, ts, textSeverity(message), logGroup, stripTrailingNewline(message), xray(message), attributes);
  }

  private static LogEvent fromJson(String id, Instant ts, String service, String raw, JsonNode json,
      Map<String, String> attributes) {
    Set<String> used = new java.util.HashSet<>();
    String level = field(json, LEVEL_FIELDS, used);
    String text = field(json, MESSAGE_FIELDS, used);
    String errorType = field(json, List.of("errorType"), used);
    if (text != null && errorType != null) {
      text = errorType + ": " + text;
    }
    String stack = stackField(json, used);
    String trace = field(json, TRACE_FIELDS, used);
    StringBuilder message = new StringBuilder(text != null ? text : raw.strip());
    if (stack != null && !stack.isBlank()) {
      message.append('\n').append(stack.strip());
    }
    Severity severity = level != null ? Severity.parse(level) : textSeverity(raw);
    flatten("", json, used, attributes);
    return new LogEvent(id, ts, severity, service, message.toString(), trace != null ? trace : xray(raw), attributes);
  }

  private static @Nullable JsonNode parseObject(String message) {
    String t = message.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(t);
      return n != null && n.isObject() ? n : null;
    } catch (JsonProcessingException e) {
      return null; // read as text
    }
  }

  private static @Nullable String field(JsonNode json, List<String> names, Set<String> used) {
    for (String name : names) {
      JsonNode v = json.get(name);
      if (v != null && v.isValueNode() && !v.isNull()) {
        used.add(name);
        return v.asText();
      }
    }
    return null;
  }

  private static @Nullable String stackField(JsonNode json, Set<String> used) {
    for (String name : STACK_FIELDS) {
      JsonNode v = json.get(name);
      if (v == null || v.isNull()) {
        continue;
      }
      used.add(name);
      if (v.isArray()) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode line : v) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(line.isValueNode() ? line.asText() : line.toString());
        }
        return sb.toString();
      }
      return v.isValueNode() ? v.asText() : v.toString();
    }
    return null;
  }

  private static void flatten(String prefix, JsonNode node, Set<String> used, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && out.size() < MAX_ATTRIBUTES; ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (prefix.isEmpty() && used.contains(key)) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key + ".", v, used, out);
      } else if (!v.isNull()) {
        String s = v.isValueNode() ? v.asText() : v.toString();
        out.putIfAbsent(key, s.length() <= MAX_ATTRIBUTE_LENGTH ? s : s.substring(0, MAX_ATTRIBUTE_LENGTH) + "…");
      }
    }
  }

  static Severity textSeverity(String message) {
    Matcher m = LEVEL_WORD.matcher(message);
    if (m.find()) {
      return Severity.parse(m.group(1));
    }
    return ERROR_HINT.matcher(message).find() ? Severity.ERROR : Severity.UNKNOWN;
  }

  private static @Nullable String xray(String message) {
    Matcher m = XRAY.matcher(message);
    return m.find() ? m.group(1) : null;
  }

  private static String stripTrailingNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }
}
