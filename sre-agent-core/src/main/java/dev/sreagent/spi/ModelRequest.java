package dev.sreagent.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request to a {@link ModelClient}.
 *
 * @param messages system and user messages, in order (at least one)
 * @param schema when set, the answer must be one JSON value satisfying it
 * @param maxOutputTokens upper bound on tokens generated
 * @param temperature sampling temperature, 0 for the most deterministic answers
 * @param timeout how long the call may take end to end
 */
public record ModelRequest(
    List<ChatMessage> messages, @Nullable ResponseSchema schema, int maxOutputTokens, double temperature, Duration timeout) {

  /** Validates and copies. */
  public ModelRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a model request needs at least one message");
    }
    if (maxOutputTokens < 1) {
      throw new IllegalArgumentException("maxOutputTokens must be at least 1: " + maxOutputTokens);
    }
    Objects.requireNonNull(timeout, "timeout");
  }

  /** @return the schema, if structured output is requested */
  public Optional<ResponseSchema> responseSchema() {
    return Optional.ofNullable(schema);
  }
}
