package dev.sreagent.pipeline.internal;

import dev.sreagent.spi.ChangeKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remembers, in this process, when a change or report was last delivered per key, so an incident storm
 * within the cooldown is skipped without a model call or a code-host request; and hands out a lock per
 * key so two workers never run the same fingerprint at once. Bounded: the oldest entries go first, and
 * locks are a fixed set of stripes.
 * Thread safe.
 */
public final class RecentDeliveries {
  private final Clock clock;
  private final Duration cooldown;
  private final int capacity;
  private final Map<ChangeKey, Instant> delivered = new LinkedHashMap<>();
  private final ReentrantLock[] stripes = new ReentrantLock[1024];

  /**
   * @param clock time source
   * @param cooldown how long a delivery suppresses new work for its key
   * @param capacity keys remembered at most
   */
  public RecentDeliveries(Clock clock, Duration cooldown, int capacity) {
    this.clock = clock;
    this.cooldown = cooldown;
    this.capacity = capacity;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** @return true when this process delivered for {@code key} within the cooldown */
  public synchronized boolean isRecent(ChangeKey key) {
    Instant at = delivered.get(key);
    return at != null && at.plus(cooldown).isAfter(clock.instant());
  }

  /** Records a delivery for {@code key} now. */
  public synchronized void record(ChangeKey key) {
    delivered.remove(key);
    delivered.put(key, clock.instant());
    Iterator<ChangeKey> it = delivered.keySet().iterator();
    while (delivered.size() > capacity && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  /**
   * @return the lock of {@code key} (one of 1024 stripes: the same key always gets the same lock, two keys
   *     rarely share one); hold it while processing the key's incident
   */
  public ReentrantLock lockFor(ChangeKey key) {
    return stripes[Math.floorMod(key.value().hashCode(), stripes.length)];
  }
}
