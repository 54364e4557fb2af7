package dev.sreagent.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The OpenAI chat-completions wire format: the request body, the response mapping and the error mapping,
 * in one place. Error messages say what to fix and never carry the API key (it is masked if a server
 * echoes it).
 */
public final class ChatCompletions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SERVER_TEXT = 300;

  private final String endpoint;
  private final String model;
  private final String baseUrlKey;
  private final String modelKey;
  private final String apiKeySecretKey;
  private final boolean hasApiKey;

  /**
   * @param endpoint the base URL, for messages
   * @param model the configured model
   * @param baseUrlKey the key of the base URL
   * @param modelKey the key of the model
   * @param apiKeySecretKey the key naming the API key secret
   * @param hasApiKey whether an API key is configured
   */
  public ChatCompletions(String endpoint, String model, String baseUrlKey, String modelKey, String apiKeySecretKey, boolean hasApiKey) {
    this.endpoint = endpoint;
    this.model = model;
    this.baseUrlKey = baseUrlKey;
    this.modelKey = modelKey;
    this.apiKeySecretKey = apiKeySecretKey;
    this.hasApiKey = hasApiKey;
  }

  /** @return the JSON body of {@code POST /chat/completions} */
  public String requestBody(ModelRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role().name().toLowerCase(Locale.ROOT)).put("content", m.content());
    }
    body.put("max_tokens", request.maxOutputTokens());
    body.put("temperature", request.temperature());
    Optional<ResponseSchema> schema = request.responseSchema();
    if (schema.isPresent()) {
      JsonNode parsed;
      try {
        parsed = JSON.readTree(schema.get().jsonSchema());
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("response schema '" + schema.get().name() + "' is not valid JSON", e);
      }
      ObjectNode format = body.putObject("response_format");
      format.put("type", "json_schema");
      ObjectNode js = format.putObject("json_schema");
      js.put("name", schema.get().name());
      js.set("schema", parsed);
      js.put("strict", true);
    }
    return body.toString();
  }

  /**
   * Maps a 200 answer.
   *
   * @throws NonRetriableException when it is not a chat completion, or the model refused
   * @throws dev.sreagent.spi.InvalidModelOutputException when a schema was requested and the answer is not JSON
   */
  public ModelResponse response(String body, ModelRequest request) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NonRetriableException("The model server at " + endpoint + " answered with something that is not JSON: check "
          + baseUrlKey + " points at an OpenAI-compatible API", e);
    }
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    if (choice == null || !choice.isObject()) {
      throw new NonRetriableException("The model server at " + endpoint + " answered without choices[0]: check " + baseUrlKey
          + " points at an OpenAI-compatible chat-completions API");
    }
    JsonNode message = choice.path("message");
    FinishReason finish = JsonAnswers.finishReason(choice.path("finish_reason").asText(""));
    String modelId = root.path("model").asText(model);
    JsonNode content = message.path("content");
    if (content.isMissingNode() || content.isNull()) {
      String refusal = message.path("refusal").asText("");
      if (!refusal.isEmpty()) {
        throw new NonRetriableException("Model '" + modelId + "' refused the request: " + shorten(refusal));
      }
      if (finish == FinishReason.CONTENT_FILTER) {
        throw new NonRetriableException("Model '" + modelId + "' stopped: a content filter blocked the answer");
      }
    }
    String text = content.isTextual() ? content.asText() : "";
    request.responseSchema().ifPresent(s -> JsonAnswers.requireJson(text, s, modelId, finish));
    JsonNode usage = root.path("usage");
    TokenUsage tokens = new TokenUsage(Math.max(0, usage.path("prompt_tokens").asLong(0)),
        Math.max(0, usage.path("completion_tokens").asLong(0)));
    return new ModelResponse(text, tokens, modelId, finish);
  }

  /**
   * Maps a non-200 answer.
   *
   * @param status the HTTP status
   * @param body the response body
   * @param retryAfterHeader the {@code Retry-After} header, if any
   * @param clock for HTTP-date {@code Retry-After} values
   * @param apiKey the API key to mask in server text, or null
   * @return the exception to throw
   */
  public RuntimeException error(int status, String body, @Nullable String retryAfterHeader, Clock clock, @Nullable String apiKey) {
    String serverText = serverMessage(body, apiKey);
    String code = errorCode(body);
    Duration retryAfter = retryAfter(retryAfterHeader, clock);
    String suffix = serverText.isEmpty() ? "" : ": " + serverText;
    if (status == 429) {
      return new RetriableException("The model server at " + endpoint + " is throttling requests (HTTP 429)" + suffix, retryAfter, null);
    }
    if (status >= 500 || status == 408) {
      return new RetriableException("The model server at " + endpoint + " failed (HTTP " + status + ")" + suffix, retryAfter, null);
    }
    if (status == 413 || code.equals("context_length_exceeded") || isContextLength(serverText)) {
      return new NonRetriableException("The prompt is too long for model '" + model + "' (HTTP " + status
          + ", context length exceeded): shorten the prompt or lower the output tokens; retrying will not help");
    }
    return switch (status) {
      case 401 -> new NonRetriableException("The model server at " + endpoint + " rejected the credentials (HTTP 401): "
          + (hasApiKey ? "check the API key in the secret named by " + apiKeySecretKey
              : "set " + apiKeySecretKey + " to the name of the secret holding the API key"));
      case 403 -> new NonRetriableException("The model server at " + endpoint + " refused access to model '" + model
          + "' (HTTP 403): give the API key access to that model or change " + modelKey);
      case 404 -> new NonRetriableException("The model server at " + endpoint + " has no chat-completions endpoint or no model '" + model
          + "' (HTTP 404): check " + baseUrlKey + " (most servers want it to end in /v1) and " + modelKey);
      case 400 -> new NonRetriableException("The model server at " + endpoint + " rejected the request (HTTP 400)" + suffix);
      default -> new NonRetriableException("The model server at " + endpoint + " answered HTTP " + status + suffix);
    };
  }

  private static boolean isContextLength(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("context length") || t.contains("context_length") || t.contains("maximum context")
        || t.contains("context window");
  }

  private static String errorCode(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n == null ? "" : n.path("error").path("code").asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private static String serverMessage(String body, @Nullable String apiKey) {
    String text;
    try {
      JsonNode n = JSON.readTree(body);
      JsonNode err = n == null ? null : n.path("error");
      text = err == null ? "" : err.isTextual() ? err.asText() : err.path("message").asText("");
    } catch (JsonProcessingException e) {
      text = "";
    }
    if (apiKey != null && !apiKey.isEmpty()) {
      text = text.replace(apiKey, "<redacted>");
    }
    return shorten(text);
  }

  private static String shorten(String s) {
    String p = s.replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?").strip();
    return p.length() > MAX_SERVER_TEXT ? p.substring(0, MAX_SERVER_TEXT) + "…" : p;
  }

  /** @return the wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null */
  public static @Nullable Duration retryAfter(@Nullable String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.trim();
    try {
      long s = Long.parseLong(h);
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      try {
        Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
