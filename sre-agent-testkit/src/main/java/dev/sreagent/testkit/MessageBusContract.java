package dev.sreagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@link MessageBus} contract: at-least-once delivery with explicit ack, redelivery after the
 * visibility timeout or a nack, and (optionally) dead letters, idempotency keys and ordering keys.
 *
 * <p><b>How to extend.</b> Implement {@link #createBus(Duration, int)}: a bus whose queue {@link #queue()}
 * exists and is empty, with the given visibility timeout and maximum delivery count. Time: either give the
 * bus a clock you control and override {@link #elapse(Duration)} to move it (fast), or keep the default,
 * which sleeps, and return a short {@link #visibilityTimeout()} the real service accepts. Turn on the
 * optional checks your bus supports: {@link #supportsDeadLetters()} (then implement
 * {@link #deadLetterBodies(MessageBus)}), {@link #supportsIdempotencyKey()}, {@link #supportsOrderingKey()}.
 */
public abstract class MessageBusContract {
  private final List<MessageBus> opened = new ArrayList<>();
  private final String queue = "contract-" + UUID.randomUUID().toString().substring(0, 8);

  /**
   * @param visibilityTimeout how long a received message stays hidden
   * @param maxDeliveries deliveries before a message is dead-lettered
   * @return a bus on which {@link #queue()} exists and is empty
   */
  protected abstract MessageBus createBus(Duration visibilityTimeout, int maxDeliveries);

  /** @return the queue the tests use (default: a unique name per test instance) */
  protected String queue() {
    return queue;
  }

  /** @return the visibility timeout the tests create buses with (default 1s) */
  protected Duration visibilityTimeout() {
    return Duration.ofSeconds(1);
  }

  /** @return how long a receive waits when a message is expected (default 2s) */
  protected Duration receiveWait() {
    return Duration.ofSeconds(2);
  }

  /** Lets {@code d} pass for the bus. Default: sleeps. Override to advance a controllable clock. */
  protected void elapse(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** @return true when the bus dead-letters messages over the max delivery count (default false) */
  protected boolean supportsDeadLetters() {
    return false;
  }

  /** @return the bodies in {@link #queue()}'s dead-letter queue; implement when {@link #supportsDeadLetters()} */
  protected List<String> deadLetterBodies(MessageBus bus) {
    throw new UnsupportedOperationException("override deadLetterBodies when supportsDeadLetters() is true");
  }

  /** @return true when a second publish with the same idempotency key is dropped (default false) */
  protected boolean supportsIdempotencyKey() {
    return false;
  }

  /** @return true when messages with one ordering key are delivered in order, one in flight at a time (default false) */
  protected boolean supportsOrderingKey() {
    return false;
  }

  @AfterEach
  void closeBuses() {
    opened.forEach(MessageBus::close);
    opened.clear();
  }

  private MessageBus bus(int maxDeliveries) {
    MessageBus b = createBus(visibilityTimeout(), maxDeliveries);
    opened.add(b);
    return b;
  }

  private Duration pastVisibility() {
    return visibilityTimeout().plus(visibilityTimeout().dividedBy(2)).plusMillis(100);
  }

  private ReceivedMessage receiveOne(MessageBus bus) {
    List<ReceivedMessage> got = bus.receive(queue(), 1, receiveWait());
    assertThat(got).as("one message delivered").hasSize(1);
    return got.get(0);
  }

  private List<ReceivedMessage> receiveNone(MessageBus bus) {
    return bus.receive(queue(), 10, Duration.ofMillis(200));
  }

  @Test
  void deliversPublishedMessageOnceUntilAcked() {
    MessageBus bus = bus(5);
    String id = bus.publish(queue(), new OutgoingMessage("{\"incident\":1}", null, null, Map.of("kind", "incident")));
    ReceivedMessage m = receiveOne(bus);
    assertThat(m.messageId()).isEqualTo(id);
    assertThat(m.body()).isEqualTo("{\"incident\":1}");
    assertThat(m.attributes()).containsEntry("kind", "incident");
    assertThat(m.deliveryCount()).isEqualTo(1);
    assertThat(receiveNone(bus)).as("invisible while in flight").isEmpty();
    bus.ack(queue(), m);
    elapse(pastVisibility());
    assertThat(receiveNone(bus)).as("an acked message is gone").isEmpty();
  }

  @Test
  void redeliversAfterVisibilityTimeoutWithoutAck() {
    MessageBus bus = bus(5);
    bus.publish(queue(), OutgoingMessage.of("work"));
    ReceivedMessage first = receiveOne(bus);
    elapse(pastVisibility());
    ReceivedMessage again = receiveOne(bus);
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.body()).isEqualTo("work");
    assertThat(again.deliveryCount()).isEqualTo(2);
    bus.ack(queue(), again);
  }

  @Test
  void nackRedeliversAtOnce() {
    MessageBus bus = bus(5);
    bus.publish(queue(), OutgoingMessage.of("retry me"));
    ReceivedMessage first = receiveOne(bus);
    bus.nack(queue(), first);
    ReceivedMessage again = receiveOne(bus);
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.deliveryCount()).isEqualTo(2);
  }

  @Test
  void extendVisibilityKeepsTheMessageHidden() {
    MessageBus bus = bus(5);
    bus.publish(queue(), OutgoingMessage.of("slow work"));
    ReceivedMessage m = receiveOne(bus);
    bus.extendVisibility(queue(), m, visibilityTimeout().multipliedBy(4));
    elapse(pastVisibility());
    assertThat(receiveNone(bus)).as("still hidden after the original timeout").isEmpty();
    assertThatCode(() -> bus.ack(queue(), m)).doesNotThrowAnyException();
  }

  @Test
  void ackingTwiceIsNotAnError() {
    MessageBus bus = bus(5);
    bus.publish(queue(), OutgoingMessage.of("once"));
    ReceivedMessage m = receiveOne(bus);
    bus.ack(queue(), m);
    assertThatCode(() -> bus.ack(queue(), m)).doesNotThrowAnyException();
  }

  @Test
  void deadLettersAfterMaxDeliveries() {
    Assumptions.assumeTrue(supportsDeadLetters(), "the bus does not dead-letter");
    MessageBus bus = bus(2);
    bus.publish(queue(), OutgoingMessage.of("poison"));
    bus.nack(queue(), receiveOne(bus));
    bus.nack(queue(), receiveOne(bus));
    assertThat(bus.receive(queue(), 10, Duration.ofMillis(500))).as("not delivered a third time").isEmpty();
    assertThat(deadLetterBodies(bus)).containsExactly("poison");
  }

  @Test
  void dropsASecondPublishWithTheSameIdempotencyKey() {
    Assumptions.assumeTrue(supportsIdempotencyKey(), "the bus does not deduplicate");
    MessageBus bus = bus(5);
    String a = bus.publish(queue(), new OutgoingMessage("incident fp-1", null, "fp-1", Map.of()));
    String b = bus.publish(queue(), new OutgoingMessage("incident fp-1", null, "fp-1", Map.of()));
    assertThat(b).isEqualTo(a);
    ReceivedMessage m = receiveOne(bus);
    bus.ack(queue(), m);
    assertThat(receiveNone(bus)).isEmpty();
  }

  @Test
  void deliversOneOrderingKeyInOrder() {
    Assumptions.assumeTrue(supportsOrderingKey(), "the bus does not order by key");
    MessageBus bus = bus(5);
    bus.publish(queue(), new OutgoingMessage("k-1", "key", null, Map.of()));
    bus.publish(queue(), new OutgoingMessage("k-2", "key", null, Map.of()));
    ReceivedMessage first = receiveOne(bus);
    assertThat(first.body()).isEqualTo("k-1");
    assertThat(first.orderingKey()).isEqualTo("key");
    assertThat(receiveNone(bus)).as("k-2 waits while k-1 is in flight").isEmpty();
    bus.ack(queue(), first);
    assertThat(receiveOne(bus).body()).isEqualTo("k-2");
  }
}
