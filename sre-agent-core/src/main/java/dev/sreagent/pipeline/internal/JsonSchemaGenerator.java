package dev.sreagent.pipeline.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.pipeline.SchemaField;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Generates a JSON Schema (draft 2020-12) from a record class: each component becomes a required
 * property, {@code additionalProperties} is false (the strict form OpenAI, Gemini and Bedrock accept),
 * and {@link SchemaField} supplies descriptions and bounds. Supports {@code String}, {@code boolean},
 * {@code int}/{@code long}, {@code double}/{@code float}, enums, {@code List} of these, and nested records.
 * About 80 lines instead of a generator library (victools pulls classmate and more into core).
 */
public final class JsonSchemaGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonSchemaGenerator() {}

  /**
   * @param type a record class
   * @return its schema as an object node
   * @throws IllegalArgumentException on a component type the generator does not support
   */
  public static ObjectNode schemaOf(Class<? extends Record> type) {
    ObjectNode root = objectSchema(type);
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    return root;
  }

  private static ObjectNode objectSchema(Class<?> type) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException("not a record: " + type.getName());
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    for (RecordComponent c : type.getRecordComponents()) {
      ObjectNode p = valueSchema(c.getGenericType(), c.getName());
      SchemaField f = c.getAnnotation(SchemaField.class);
      if (f != null) {
        p.put("description", f.value());
        applyBounds(p, f);
      }
      props.set(c.getName(), p);
      required.add(c.getName());
    }
    node.put("additionalProperties", false);
    return node;
  }

  private static void applyBounds(ObjectNode p, SchemaField f) {
    String t = p.path("type").asText();
    if (t.equals("number") || t.equals("integer")) {
      if (!Double.isNaN(f.minimum())) {
        p.put("minimum", f.minimum());
      }
      if (!Double.isNaN(f.maximum())) {
        p.put("maximum", f.maximum());
      }
    } else if (t.equals("string")) {
      if (f.minLength() > 0) {
        p.put("minLength", f.minLength());
      }
      if (f.maxLength() >= 0) {
        p.put("maxLength", f.maxLength());
      }
    } else if (t.equals("array")) {
      if (f.minLength() > 0) {
        p.put("minItems", f.minLength());
      }
      if (f.maxLength() >= 0) {
        p.put("maxItems", f.maxLength());
      }
    }
  }

  private static ObjectNode valueSchema(Type type, String where) {
    ObjectNode n = JSON.createObjectNode();
    if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      n.put("type", "array");
      n.set("items", valueSchema(pt.getActualTypeArguments()[0], where + "[]"));
      return n;
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalArgumentException("unsupported type for schema at " + where + ": " + type.getTypeName());
    }
    if (c == String.class) {
      n.put("type", "string");
    } else if (c == boolean.class || c == Boolean.class) {
      n.put("type", "boolean");
    } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
      n.put("type", "integer");
    } else if (c == double.class || c == float.class || c == Double.class || c == Float.class) {
      n.put("type", "number");
    } else if (c.isEnum()) {
      n.put("type", "string");
      ArrayNode values = n.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
    } else if (c.isRecord()) {
      return objectSchema(c);
    } else {
      throw new IllegalArgumentException("unsupported type for schema at " + where + ": " + c.getName());
    }
    return n;
  }
}
