package dev.sreagent.spi;

import java.util.Objects;

/**
 * A JSON Schema the model's answer must satisfy (structured output). Providers pass it the way their API
 * takes it: OpenAI {@code response_format: json_schema}, Gemini {@code responseSchema}, Bedrock a forced
 * tool whose input schema it is.
 *
 * @param name a short identifier ({@code [A-Za-z0-9_-]{1,64}}), for APIs that name schemas
 * @param jsonSchema the schema, as JSON text (an object schema)
 */
public record ResponseSchema(String name, String jsonSchema) {
  /** Validates. */
  public ResponseSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("schema name must match [A-Za-z0-9_-]{1,64}: " + name);
    }
  }
}
