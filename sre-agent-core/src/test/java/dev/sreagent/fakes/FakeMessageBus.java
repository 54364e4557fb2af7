package dev.sreagent.fakes;

import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Test fake of {@link MessageBus}: one in-memory queue with at-least-once semantics. A received message is
 * in flight until acked (removed) or nacked (visible again); {@link #expireInFlight()} plays a visibility
 * timeout. Drops a second publish with the same idempotency key. {@link #failAck} makes ack throw, as a
 * crash between delivery and ack would.
 */
public final class FakeMessageBus implements MessageBus {
  private record Entry(String id, OutgoingMessage message, int deliveries) {}

  private final LinkedHashMap<String, Entry> visible = new LinkedHashMap<>();
  private final Map<String, Entry> inFlight = new LinkedHashMap<>();
  private final java.util.Set<String> idempotencyKeys = new java.util.HashSet<>();
  private final AtomicInteger ids = new AtomicInteger();
  public final AtomicInteger acks = new AtomicInteger();
  public final AtomicInteger nacks = new AtomicInteger();
  public final AtomicInteger extensions = new AtomicInteger();
  public volatile Predicate<ReceivedMessage> failAck = m -> false;
  public volatile boolean publishDown;

  @Override
  public synchronized String publish(String queue, OutgoingMessage message) {
    if (publishDown) {
      throw new dev.sreagent.RetriableException("bus unavailable");
    }
    if (message.idempotencyKey() != null && !idempotencyKeys.add(message.idempotencyKey())) {
      return "duplicate";
    }
    String id = "m" + ids.incrementAndGet();
    visible.put(id, new Entry(id, message, 0));
    notifyAll();
    return id;
  }

  @Override
  public synchronized List<ReceivedMessage> receive(String queue, int maxMessages, Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (visible.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return List.of();
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    List<ReceivedMessage> out = new ArrayList<>();
    var it = visible.values().iterator();
    while (it.hasNext() && out.size() < maxMessages) {
      Entry e = it.next();
      it.remove();
      Entry delivered = new Entry(e.id(), e.message(), e.deliveries() + 1);
      inFlight.put(e.id(), delivered);
      out.add(new ReceivedMessage(e.id(), e.message().body(), e.message().orderingKey(), e.message().idempotencyKey(),
          e.message().attributes(), delivered.deliveries(), e.id() + "#" + delivered.deliveries()));
    }
    return out;
  }

  @Override
  public synchronized void ack(String queue, ReceivedMessage message) {
    if (failAck.test(message)) {
      throw new IllegalStateException("simulated crash before ack");
    }
    inFlight.remove(message.messageId());
    acks.incrementAndGet();
  }

  @Override
  public synchronized void nack(String queue, ReceivedMessage message) {
    Entry e = inFlight.remove(message.messageId());
    if (e != null) {
      visible.put(e.id(), e);
      notifyAll();
    }
    nacks.incrementAndGet();
  }

  @Override
  public synchronized void extendVisibility(String queue, ReceivedMessage message, Duration visibility) {
    extensions.incrementAndGet();
  }

  /** Plays the visibility timeout: every in-flight message becomes visible again. */
  public synchronized void expireInFlight() {
    visible.putAll(inFlight);
    inFlight.clear();
    notifyAll();
  }

  public synchronized int visibleCount() {
    return visible.size();
  }

  public synchronized int inFlightCount() {
    return inFlight.size();
  }

  @Override
  public void close() {}
}
