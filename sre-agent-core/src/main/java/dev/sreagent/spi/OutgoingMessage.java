package dev.sreagent.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message to publish on a {@link MessageBus}.
 *
 * @param body the payload (UTF-8 text, usually JSON)
 * @param orderingKey messages with the same key are delivered in order where the bus supports it (SQS FIFO
 *     message group, Pub/Sub ordering key, Service Bus session); the agent uses the incident fingerprint
 * @param idempotencyKey the bus drops a second publish with the same key where it supports it (SQS FIFO
 *     deduplication id, Service Bus message id)
 * @param attributes string attributes carried with the message
 */
public record OutgoingMessage(
    String body, @Nullable String orderingKey, @Nullable String idempotencyKey, Map<String, String> attributes) {

  /** Validates and copies. */
  public OutgoingMessage {
    Objects.requireNonNull(body, "body");
    attributes = Map.copyOf(attributes);
  }

  /** @return a message with only a body */
  public static OutgoingMessage of(String body) {
    return new OutgoingMessage(body, null, null, Map.of());
  }

  /** @return the ordering key, if any */
  public Optional<String> ordering() {
    return Optional.ofNullable(orderingKey);
  }

  /** @return the idempotency key, if any */
  public Optional<String> idempotency() {
    return Optional.ofNullable(idempotencyKey);
  }
}
