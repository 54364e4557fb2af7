package dev.sreagent.spi;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message handed out by {@link MessageBus#receive}. It stays invisible to other consumers until it is
 * acked, nacked, or its visibility timeout runs out.
 *
 * @param messageId the bus's id of the message, stable across redeliveries
 * @param body the payload
 * @param orderingKey the ordering key it was published with
 * @param idempotencyKey the idempotency key it was published with
 * @param attributes the attributes it was published with
 * @param deliveryCount 1 on first delivery, 2 on the first redelivery, …
 * @param receipt the handle for ack/nack/extend of this delivery (opaque)
 */
public record ReceivedMessage(
    String messageId,
    String body,
    @Nullable String orderingKey,
    @Nullable String idempotencyKey,
    Map<String, String> attributes,
    int deliveryCount,
    String receipt) {

  /** Validates and copies. */
  public ReceivedMessage {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(body, "body");
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(receipt, "receipt");
  }
}
