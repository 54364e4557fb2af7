package dev.sreagent.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/** Converts between JSON text and the SDK's {@link Document} (Bedrock tool schemas and tool inputs). */
public final class Documents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Documents() {}

  /**
   * @throws IllegalArgumentException when {@code json} is not JSON
   */
  public static Document fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null) {
        throw new IllegalArgumentException("empty JSON");
      }
      return fromNode(node);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }

  /** @return {@code text} normalized when it is a JSON object or array, else empty */
  public static java.util.Optional<String> jsonText(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isContainerNode() ? java.util.Optional.of(node.toString()) : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  /** @return the document as JSON text */
  public static String toJson(Document d) {
    return toNode(d).toString();
  }

  static Document fromNode(JsonNode n) {
    if (n.isObject()) {
      Map<String, Document> m = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), fromNode(e.getValue()));
      }
      return Document.fromMap(m);
    }
    if (n.isArray()) {
      List<Document> l = new ArrayList<>();
      n.forEach(x -> l.add(fromNode(x)));
      return Document.fromList(l);
    }
    if (n.isTextual()) {
      return Document.fromString(n.asText());
    }
    if (n.isBoolean()) {
      return Document.fromBoolean(n.asBoolean());
    }
    if (n.isNumber()) {
      return Document.fromNumber(n.decimalValue());
    }
    return Document.fromNull();
  }

  static JsonNode toNode(Document d) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (d.isMap()) {
      ObjectNode o = f.objectNode();
      d.asMap().forEach((k, v) -> o.set(k, toNode(v)));
      return o;
    }
    if (d.isList()) {
      ArrayNode a = f.arrayNode();
      d.asList().forEach(v -> a.add(toNode(v)));
      return a;
    }
    if (d.isString()) {
      return f.textNode(d.asString());
    }
    if (d.isBoolean()) {
      return f.booleanNode(d.asBoolean());
    }
    if (d.isNumber()) {
      return f.numberNode(d.asNumber().bigDecimalValue());
    }
    return f.nullNode();
  }
}
