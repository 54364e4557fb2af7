package dev.sreagent.spi;

import java.time.Duration;
import java.util.List;

/**
 * A work queue with at-least-once delivery and explicit acknowledgement.
 *
 * <p>Semantics: a received message is invisible to other receivers until it is {@linkplain #ack acked}
 * (done, removed), {@linkplain #nack nacked} (redelivered now) or its visibility timeout passes
 * (redelivered). A message delivered more than the configured maximum times goes to a dead-letter queue.
 * Consumers must be idempotent: the same message can arrive twice. {@code queue} is a logical name the
 * provider maps to its resource (SQS queue, Pub/Sub topic and subscription, Service Bus queue).
 *
 * <p>Discovered through {@link MessageBusProvider} and selected by {@code sre-agent.message-bus}.
 * Implementations must be thread safe.
 */
public interface MessageBus extends AutoCloseable {

  /**
   * @return the bus's id of the published message
   * @throws dev.sreagent.RetriableException when the bus is unavailable
   */
  String publish(String queue, OutgoingMessage message);

  /**
   * Waits up to {@code maxWait} for messages (long polling) and returns at most {@code maxMessages}.
   *
   * @return the messages, possibly none
   */
  List<ReceivedMessage> receive(String queue, int maxMessages, Duration maxWait);

  /** The work is done: removes the message. Acking an already-acked delivery is not an error. */
  void ack(String queue, ReceivedMessage message);

  /** The work failed: makes the message visible again at once (its delivery count grows). */
  void nack(String queue, ReceivedMessage message);

  /** The work takes longer: keeps the message invisible for {@code visibility} from now. */
  void extendVisibility(String queue, ReceivedMessage message, Duration visibility);

  /** Releases connections. Idempotent. */
  @Override
  void close();
}
