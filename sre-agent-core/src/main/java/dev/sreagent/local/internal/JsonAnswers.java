package dev.sreagent.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ResponseSchema;

/** Checks that a structured-output answer is one JSON document, with a message that says what is wrong (never the answer). */
public final class JsonAnswers {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonAnswers() {}

  /**
   * @param text the answer
   * @param schema the schema that was requested
   * @param model the model that answered
   * @param finish why it stopped
   * @return {@code text}
   * @throws InvalidModelOutputException when it is not one JSON document
   */
  public static String requireJson(String text, ResponseSchema schema, String model, FinishReason finish) {
    if (text.isBlank()) {
      throw new InvalidModelOutputException("The answer of model '" + model + "' is empty: a JSON document for schema '"
          + schema.name() + "' was requested");
    }
    try {
      JSON.readTree(text);
      return text;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
      if (finish == FinishReason.LENGTH) {
        throw new InvalidModelOutputException("The answer of model '" + model + "' was cut at the output-token limit and is not complete JSON"
            + where + ": raise maxOutputTokens for schema '" + schema.name() + "'", e);
      }
      throw new InvalidModelOutputException("The answer of model '" + model + "' is not valid JSON" + where
          + ": a JSON document for schema '" + schema.name() + "' was requested", e);
    }
  }

  /** @return OpenAI's {@code finish_reason} mapped ({@code stop}, {@code length}, {@code content_filter}, {@code tool_calls}) */
  public static FinishReason finishReason(String reason) {
    return switch (reason) {
      case "stop", "end_turn", "eos" -> FinishReason.STOP;
      case "length", "max_tokens" -> FinishReason.LENGTH;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      case "tool_calls", "function_call", "tool_use" -> FinishReason.TOOL_USE;
      default -> FinishReason.OTHER;
    };
  }
}
