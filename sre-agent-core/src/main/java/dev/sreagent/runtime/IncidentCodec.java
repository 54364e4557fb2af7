package dev.sreagent.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.NonRetriableException;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an {@link Incident} on the message bus ({@code "v": 1}, times as ISO-8601 strings).
 * Written by hand rather than by reflection so the wire format is explicit and stable. Thread safe.
 */
public final class IncidentCodec {
  /** The format version written. */
  public static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentCodec() {}

  /** @return {@code incident} as JSON */
  public static String toJson(Incident incident) {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", VERSION);
    n.put("fingerprint", incident.fingerprint());
    n.put("kind", incident.kind().name());
    n.put("title", incident.title());
    strings(n.putArray("exceptionTypes"), incident.exceptionTypes());
    n.put("trigger", incident.trigger().name());
    n.put("severity", incident.severity().name());
    n.put("score", incident.score());
    n.put("firstSeen", incident.firstSeen().toString());
    n.put("lastSeen", incident.lastSeen().toString());
    n.put("count", incident.count());
    strings(n.putArray("services"), incident.services());
    ArrayNode samples = n.putArray("samples");
    for (LogEvent e : incident.samples()) {
      ObjectNode s = samples.addObject();
      s.put("id", e.id());
      s.put("timestamp", e.timestamp().toString());
      s.put("severity", e.severity().name());
      s.put("service", e.service());
      s.put("message", e.message());
      if (e.traceId() != null) {
        s.put("traceId", e.traceId());
      }
      ObjectNode attrs = s.putObject("attributes");
      new java.util.TreeMap<>(e.attributes()).forEach(attrs::put);
    }
    return n.toString();
  }

  /**
   * @return the incident in {@code json}
   * @throws NonRetriableException naming the field at fault when the JSON is malformed or of another version
   */
  public static Incident fromJson(String json) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NonRetriableException("An incident message is not JSON: " + e.getOriginalMessage(), e);
    }
    try {
      int v = n.path("v").asInt(-1);
      if (v != VERSION) {
        throw new IllegalArgumentException("unsupported incident format version " + n.path("v") + " (this agent reads " + VERSION + ")");
      }
      List<LogEvent> samples = new ArrayList<>();
      for (JsonNode s : array(n, "samples")) {
        Map<String, String> attrs = new LinkedHashMap<>();
        s.path("attributes").properties().forEach(en -> attrs.put(en.getKey(), en.getValue().asText()));
        samples.add(new LogEvent(text(s, "id"), Instant.parse(text(s, "timestamp")), Severity.valueOf(text(s, "severity")),
            text(s, "service"), text(s, "message"), s.hasNonNull("traceId") ? s.get("traceId").asText() : null, attrs));
      }
      return new Incident(text(n, "fingerprint"), Incident.Kind.valueOf(text(n, "kind")), text(n, "title"),
          stringList(n, "exceptionTypes"), Incident.Trigger.valueOf(text(n, "trigger")), Severity.valueOf(text(n, "severity")),
          n.path("score").asDouble(), Instant.parse(text(n, "firstSeen")), Instant.parse(text(n, "lastSeen")),
          n.path("count").asLong(), stringList(n, "services"), samples);
    } catch (RuntimeException e) {
      throw new NonRetriableException("An incident message is malformed: " + e.getMessage(), e);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }

  private static String text(JsonNode n, String field) {
    JsonNode f = n.get(field);
    if (f == null || !f.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
    }
    return f.asText();
  }

  private static List<JsonNode> array(JsonNode n, String field) {
    JsonNode f = n.get(field);
    if (f == null || !f.isArray()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not an array");
    }
    List<JsonNode> out = new ArrayList<>();
    f.forEach(out::add);
    return out;
  }

  private static List<String> stringList(JsonNode n, String field) {
    return array(n, field).stream().map(JsonNode::asText).toList();
  }
}
