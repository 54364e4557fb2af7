package dev.sreagent.local;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process {@link MessageBus} with the at-least-once semantics of the cloud queues, for one JVM (a
 * laptop, the demo, tests). Nothing survives a restart.
 *
 * <ul>
 *   <li>A received message is invisible for the visibility timeout; unacked, it is delivered again.
 *   <li>{@link #nack} makes it visible at once; {@link #extendVisibility} keeps it hidden longer.
 *   <li>A message already delivered {@code maxDeliveries} times is moved to the queue's dead-letter list
 *       instead of being delivered again ({@link #deadLetters}), as SQS's {@code maxReceiveCount} does.
 *   <li>A publish whose idempotency key was published within the dedup window returns the first
 *       message's id and enqueues nothing (SQS FIFO deduplication).
 *   <li>Messages with the same ordering key are delivered in publish order, and not while an earlier one
 *       with the key is in flight (SQS FIFO message groups).
 * </ul>
 *
 * <p>Time (visibility, dedup window) comes from the given {@link Clock}, so tests can move it; long-poll
 * waits use real time. Acking or nacking with the receipt of an older delivery is ignored (that delivery
 * lost the message when it became visible again); extending it is a {@link NonRetriableException}.
 * Thread safe.
 */
public final class InMemoryMessageBus implements MessageBus {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryMessageBus.class);
  private static final long IDLE_CHECK_MILLIS = 20;

  private final Clock clock;
  private final Duration visibilityTimeout;
  private final int maxDeliveries;
  private final Duration dedupWindow;
  private final Map<String, Queue> queues = new HashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private boolean closed;

  private InMemoryMessageBus(Builder b) {
    this.clock = b.clock;
    this.visibilityTimeout = b.visibilityTimeout;
    this.maxDeliveries = b.maxDeliveries;
    this.dedupWindow = b.dedupWindow;
  }

  /** @return a builder with the defaults: 30s visibility, 5 deliveries, 5 minutes dedup window, system clock */
  public static Builder builder() {
    return new Builder();
  }

  private static final class Entry {
    final String id;
    final OutgoingMessage message;
    int deliveries;
    Instant invisibleUntil = Instant.MIN;
    String receipt = "";

    Entry(String id, OutgoingMessage message) {
      this.id = id;
      this.message = message;
    }

    ReceivedMessage received() {
      return new ReceivedMessage(id, message.body(), message.orderingKey(), message.idempotencyKey(),
          message.attributes(), deliveries, receipt);
    }
  }

  private static final class Queue {
    final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    final List<ReceivedMessage> deadLetters = new ArrayList<>();
    final Map<String, Map.Entry<String, Instant>> published = new HashMap<>();
  }

  private Queue queue(String name) {
    Objects.requireNonNull(name, "queue");
    return queues.computeIfAbsent(name, n -> new Queue());
  }

  @Override
  public synchronized String publish(String queueName, OutgoingMessage message) {
    ensureOpen();
    Queue q = queue(queueName);
    Instant now = clock.instant();
    q.published.values().removeIf(e -> !e.getValue().plus(dedupWindow).isAfter(now));
    String key = message.idempotencyKey();
    if (key != null) {
      Map.Entry<String, Instant> first = q.published.get(key);
      if (first != null) {
        LOG.debug("Dropped a duplicate publish to {} (idempotency key seen within {})", queueName, dedupWindow);
        return first.getKey();
      }
    }
    String id = "m-" + ids.incrementAndGet();
    q.entries.put(id, new Entry(id, message));
    if (key != null) {
      q.published.put(key, Map.entry(id, now));
    }
    notifyAll();
    return id;
  }

  @Override
  public synchronized List<ReceivedMessage> receive(String queueName, int maxMessages, Duration maxWait) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1: " + maxMessages);
    }
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    while (true) {
      ensureOpen();
      List<ReceivedMessage> out = take(queue(queueName), maxMessages);
      long left = deadline - System.nanoTime();
      if (!out.isEmpty() || left <= 0) {
        return out;
      }
      try {
        wait(Math.max(1, Math.min(IDLE_CHECK_MILLIS, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  private List<ReceivedMessage> take(Queue q, int max) {
    Instant now = clock.instant();
    List<ReceivedMessage> out = new ArrayList<>();
    Set<String> blockedKeys = new HashSet<>();
    for (Iterator<Entry> it = q.entries.values().iterator(); it.hasNext() && out.size() < max; ) {
      Entry e = it.next();
      String orderingKey = e.message.orderingKey();
      boolean visible = !e.invisibleUntil.isAfter(now);
      if (!visible) {
        if (orderingKey != null) {
          blockedKeys.add(orderingKey);
        }
        continue;
      }
      if (orderingKey != null && blockedKeys.contains(orderingKey)) {
        continue;
      }
      if (e.deliveries >= maxDeliveries) {
        it.remove();
        e.receipt = "";
        q.deadLetters.add(e.received());
        LOG.warn("Message {} was delivered {} times without an ack; moved to the dead-letter list", e.id, e.deliveries);
        continue;
      }
      e.deliveries++;
      e.invisibleUntil = now.plus(visibilityTimeout);
      e.receipt = e.id + "#" + e.deliveries;
      out.add(e.received());
    }
    return out;
  }

  private @Nullable Entry current(String queueName, ReceivedMessage message) {
    Entry e = queue(queueName).entries.get(message.messageId());
    return e != null && e.receipt.equals(message.receipt()) ? e : null;
  }

  @Override
  public synchronized void ack(String queueName, ReceivedMessage message) {
    ensureOpen();
    if (current(queueName, message) != null) {
      queue(queueName).entries.remove(message.messageId());
    } else {
      LOG.debug("Ignored an ack of {} with a stale or used receipt", message.messageId());
    }
  }

  @Override
  public synchronized void nack(String queueName, ReceivedMessage message) {
    ensureOpen();
    Entry e = current(queueName, message);
    if (e != null) {
      e.invisibleUntil = Instant.MIN;
      e.receipt = "";
      notifyAll();
    }
  }

  @Override
  public synchronized void extendVisibility(String queueName, ReceivedMessage message, Duration visibility) {
    ensureOpen();
    Entry e = current(queueName, message);
    if (e == null) {
      throw new NonRetriableException("Cannot extend the visibility of message " + message.messageId() + " in queue "
          + queueName + ": the receipt is stale (the message was acked, nacked or became visible again)");
    }
    e.invisibleUntil = clock.instant().plus(visibility);
  }

  /**
   * @param queueName a queue
   * @return the messages moved to the queue's dead-letter list, oldest first (receipt "", delivery count as delivered)
   */
  public synchronized List<ReceivedMessage> deadLetters(String queueName) {
    return List.copyOf(queue(queueName).deadLetters);
  }

  /** @return how many messages the queue holds (visible or in flight), not counting dead letters */
  public synchronized int size(String queueName) {
    return queue(queueName).entries.size();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the in-memory message bus is closed");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  @Override
  public String toString() {
    return "InMemoryMessageBus[visibilityTimeout=" + visibilityTimeout + ", maxDeliveries=" + maxDeliveries + "]";
  }

  /** Builds an {@link InMemoryMessageBus}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private int maxDeliveries = 5;
    private Duration dedupWindow = Duration.ofMinutes(5);

    private Builder() {}

    /** Time source for visibility and dedup (tests pass a controllable clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a received, unacked message stays invisible (positive). */
    public Builder visibilityTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("visibility timeout must be positive: " + timeout);
      }
      this.visibilityTimeout = timeout;
      return this;
    }

    /** Deliveries before a message is dead-lettered (at least 1). */
    public Builder maxDeliveries(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max deliveries must be at least 1: " + max);
      }
      this.maxDeliveries = max;
      return this;
    }

    /** How long an idempotency key suppresses a second publish (zero or more). */
    public Builder dedupWindow(Duration window) {
      if (window.isNegative()) {
        throw new IllegalArgumentException("dedup window cannot be negative: " + window);
      }
      this.dedupWindow = window;
      return this;
    }

    /** @return the bus */
    public InMemoryMessageBus build() {
      return new InMemoryMessageBus(this);
    }
  }
}
