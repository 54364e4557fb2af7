package dev.sreagent.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.ConfigurationException;
import dev.sreagent.spi.FinishReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a replay file: recorded request→response pairs for the replay model client.
 *
 * <pre>{@code
 * {"exchanges": [
 *   {"match": {"schema": "triage", "lastUserContains": "NullPointerException"},
 *    "response": {"text": {"actionable": true}, "model": "gpt-4o-mini", "inputTokens": 812,
 *                 "outputTokens": 64, "finishReason": "stop"}},
 *   {"match": {"lastUserSha256": "3f7a…"}, "error": {"retriable": true, "message": "recorded 503"}}
 * ]}
 * }</pre>
 *
 * Match keys (all optional, all given must hold): {@code schema} (the requested schema's name; {@code ""}
 * means no schema), {@code lastUserContains} (a substring of the last user message), {@code lastUserSha256}
 * (hex SHA-256 of the last user message's UTF-8 bytes). Response keys: {@code text} (a string, or any JSON
 * value which is then the answer's JSON text; required), {@code model} (default {@code replay}),
 * {@code inputTokens}, {@code outputTokens} (default 0), {@code finishReason} (OpenAI's words, default
 * {@code stop}). Unknown keys are errors, so typos do not silently match everything.
 */
public final class ReplayFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MATCH_KEYS = Set.of("schema", "lastUserContains", "lastUserSha256");
  private static final Set<String> RESPONSE_KEYS = Set.of("text", "model", "inputTokens", "outputTokens", "finishReason");
  private static final Set<String> EXCHANGE_KEYS = Set.of("match", "response", "error");

  private ReplayFile() {}

  /**
   * One recorded exchange.
   *
   * @param schema the schema name to match, "" for none, null for any
   * @param lastUserContains substring to match, or null
   * @param lastUserSha256 lower-case hex digest to match, or null
   * @param text the answer (null for an error exchange)
   * @param model the model id
   * @param inputTokens prompt tokens
   * @param outputTokens answer tokens
   * @param finishReason why it stopped
   * @param errorMessage a recorded failure's message, or null
   * @param errorRetriable whether the recorded failure is retriable
   */
  public record Exchange(
      @Nullable String schema, @Nullable String lastUserContains, @Nullable String lastUserSha256,
      @Nullable String text, String model, long inputTokens, long outputTokens, FinishReason finishReason,
      @Nullable String errorMessage, boolean errorRetriable) {}

  /**
   * @param file the replay file
   * @param key the configuration key that named it (for error messages)
   * @return the exchanges, in file order
   * @throws ConfigurationException naming the file, the exchange and the problem
   */
  public static List<Exchange> read(Path file, String key) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigurationException("Replay file " + file + " (" + key + ") does not exist: record one or fix the path");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
      throw new ConfigurationException("Replay file " + file + " (" + key + ") is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read replay file " + file + " (" + key + "): " + e.getMessage(), e);
    }
    String prefix = "Replay file " + file + " (" + key + ") is invalid: ";
    if (root == null || !root.path("exchanges").isArray()) {
      throw new ConfigurationException(prefix + "expected an object with an \"exchanges\" array");
    }
    List<Exchange> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (JsonNode x : root.get("exchanges")) {
      i++;
      String at = "exchange " + i + ": ";
      int before = problems.size();
      unknown(x, EXCHANGE_KEYS, at, problems);
      JsonNode match = x.path("match");
      if (!match.isMissingNode() && !match.isObject()) {
        problems.add(at + "\"match\" must be an object");
      }
      unknown(match, MATCH_KEYS, at + "match.", problems);
      JsonNode response = x.path("response");
      JsonNode error = x.path("error");
      if (response.isMissingNode() == error.isMissingNode()) {
        problems.add(at + "give exactly one of \"response\" and \"error\"");
      }
      unknown(response, RESPONSE_KEYS, at + "response.", problems);
      String text = null;
      if (!response.isMissingNode()) {
        JsonNode t = response.path("text");
        if (t.isMissingNode() || t.isNull()) {
          problems.add(at + "response.text is missing");
        } else {
          text = t.isTextual() ? t.asText() : t.toString();
        }
      }
      String errorMessage = null;
      if (!error.isMissingNode()) {
        errorMessage = error.path("message").asText("recorded failure");
      }
      long in = response.path("inputTokens").asLong(0);
      long outTokens = response.path("outputTokens").asLong(0);
      if (in < 0 || outTokens < 0) {
        problems.add(at + "token counts cannot be negative");
      }
      String sha = textOrNull(match, "lastUserSha256");
      if (sha != null && !sha.matches("[0-9a-fA-F]{64}")) {
        problems.add(at + "match.lastUserSha256 must be 64 hex digits");
      }
      if (problems.size() == before) {
        out.add(new Exchange(textOrNull(match, "schema"), textOrNull(match, "lastUserContains"),
            sha == null ? null : sha.toLowerCase(Locale.ROOT), text, response.path("model").asText("replay"), in, outTokens,
            JsonAnswers.finishReason(response.path("finishReason").asText("stop")), errorMessage,
            error.path("retriable").asBoolean(false)));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(prefix + String.join("; ", problems));
    }
    return List.copyOf(out);
  }

  private static void unknown(JsonNode node, Set<String> allowed, String at, List<String> problems) {
    if (!node.isObject()) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        problems.add(at + "unknown key \"" + f + "\" (expected one of " + allowed.stream().sorted().toList() + ")");
      }
    }
  }

  private static @Nullable String textOrNull(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }
}
