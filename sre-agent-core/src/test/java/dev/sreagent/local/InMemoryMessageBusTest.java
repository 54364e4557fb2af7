package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryMessageBusTest {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final TestClock clock = new TestClock();
  private final InMemoryMessageBus bus = InMemoryMessageBus.builder().clock(clock).visibilityTimeout(Duration.ofSeconds(30))
      .maxDeliveries(3).dedupWindow(Duration.ofMinutes(5)).build();

  private ReceivedMessage one() {
    List<ReceivedMessage> got = bus.receive("q", 1, Duration.ZERO);
    assertThat(got).hasSize(1);
    return got.get(0);
  }

  @Test
  void extendingAStaleReceiptIsAnErrorAndAckingItIsIgnored() {
    bus.publish("q", OutgoingMessage.of("x"));
    ReceivedMessage first = one();
    clock.now = clock.now.plusSeconds(31);
    ReceivedMessage second = one();
    assertThatThrownBy(() -> bus.extendVisibility("q", first, Duration.ofMinutes(1)))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("Cannot extend the visibility of message " + first.messageId()
            + " in queue q: the receipt is stale (the message was acked, nacked or became visible again)");
    bus.ack("q", first);
    assertThat(bus.size("q")).as("a stale ack does not remove the redelivered message").isEqualTo(1);
    bus.ack("q", second);
    assertThat(bus.size("q")).isZero();
  }

  @Test
  void deadLettersKeepBodyAttributesAndDeliveryCount() {
    bus.publish("q", new OutgoingMessage("poison", "k", "id-1", Map.of("a", "b")));
    for (int i = 0; i < 3; i++) {
      bus.nack("q", one());
    }
    assertThat(bus.receive("q", 10, Duration.ZERO)).isEmpty();
    assertThat(bus.deadLetters("q")).singleElement().satisfies(m -> {
      assertThat(m.body()).isEqualTo("poison");
      assertThat(m.attributes()).containsEntry("a", "b");
      assertThat(m.deliveryCount()).isEqualTo(3);
      assertThat(m.receipt()).isEmpty();
    });
    assertThat(bus.size("q")).isZero();
  }

  @Test
  void idempotencyKeysExpireAfterTheWindow() {
    String a = bus.publish("q", new OutgoingMessage("1", null, "key", Map.of()));
    assertThat(bus.publish("q", new OutgoingMessage("1", null, "key", Map.of()))).isEqualTo(a);
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    assertThat(bus.publish("q", new OutgoingMessage("1", null, "key", Map.of()))).isNotEqualTo(a);
    assertThat(bus.size("q")).isEqualTo(2);
  }

  @Test
  void queuesAreSeparate() {
    bus.publish("a", OutgoingMessage.of("for a"));
    assertThat(bus.receive("b", 10, Duration.ZERO)).isEmpty();
    assertThat(bus.receive("a", 10, Duration.ZERO)).extracting(ReceivedMessage::body).containsExactly("for a");
  }

  @Test
  void otherOrderingKeysAreNotBlocked() {
    bus.publish("q", new OutgoingMessage("a1", "a", null, Map.of()));
    bus.publish("q", new OutgoingMessage("a2", "a", null, Map.of()));
    bus.publish("q", new OutgoingMessage("b1", "b", null, Map.of()));
    assertThat(bus.receive("q", 1, Duration.ZERO)).extracting(ReceivedMessage::body).containsExactly("a1");
    assertThat(bus.receive("q", 10, Duration.ZERO)).extracting(ReceivedMessage::body).containsExactly("b1");
  }

  @Test
  void aReceiveWaitingForAMessageWakesOnPublish() throws Exception {
    Thread publisher = new Thread(() -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      bus.publish("q", OutgoingMessage.of("late"));
    });
    publisher.start();
    List<ReceivedMessage> got = bus.receive("q", 1, Duration.ofSeconds(5));
    publisher.join();
    assertThat(got).extracting(ReceivedMessage::body).containsExactly("late");
  }

  @Test
  void concurrentConsumersGetEachMessageOnceWhileItIsInFlight() throws Exception {
    int n = 2000;
    for (int i = 0; i < n; i++) {
      bus.publish("q", OutgoingMessage.of("m" + i));
    }
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        workers.add(pool.submit(() -> {
          List<ReceivedMessage> got;
          while (!(got = bus.receive("q", 7, Duration.ZERO)).isEmpty()) {
            for (ReceivedMessage m : got) {
              if (!seen.add(m.body())) {
                duplicates.incrementAndGet();
              }
              bus.ack("q", m);
            }
          }
        }));
      }
      for (java.util.concurrent.Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(duplicates.get()).isZero();
    assertThat(seen).hasSize(n);
    assertThat(bus.size("q")).isZero();
  }

  @Test
  void aClosedBusRefusesWork() {
    bus.close();
    assertThatThrownBy(() -> bus.publish("q", OutgoingMessage.of("x"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("the in-memory message bus is closed");
  }
}
