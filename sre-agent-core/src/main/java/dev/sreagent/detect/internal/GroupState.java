package dev.sreagent.detect.internal;

import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Detection state of one group: a ring of per-bucket counts over the window, the current episode (events
 * since the last incident) and its samples. Fixed size whatever the number of events. Not thread safe.
 */
public final class GroupState {
  /** Buckets per window. */
  public static final int BUCKETS = 10;
  /** Services remembered per episode. */
  public static final int MAX_SERVICES = 16;

  private final long[] bucketIndex = new long[BUCKETS];
  private final int[] counts = new int[BUCKETS];
  private final int[] criticals = new int[BUCKETS];
  /** First event of the group ever seen by this detector, epoch millis. */
  public final long firstEverMillis;
  /** When the last incident opened, epoch millis, or Long.MIN_VALUE. */
  public long lastIncidentMillis = Long.MIN_VALUE;
  /** Episode: events since the last incident. */
  public long episodeCount;
  /** Episode first event, epoch millis. */
  public long episodeFirstMillis = Long.MAX_VALUE;
  /** Episode last event, epoch millis. */
  public long episodeLastMillis = Long.MIN_VALUE;
  /** Highest severity of the episode. */
  public Severity maxSeverity = Severity.UNKNOWN;
  /** Services of the episode, sorted, at most {@value #MAX_SERVICES}. */
  public final TreeSet<String> services = new TreeSet<>();
  /** Samples of the episode, already sanitized. */
  public final List<LogEvent> samples = new ArrayList<>();
  private final List<Long> sampleKeys = new ArrayList<>();

  /** @param firstEverMillis the first event's time */
  public GroupState(long firstEverMillis) {
    this.firstEverMillis = firstEverMillis;
    java.util.Arrays.fill(bucketIndex, Long.MIN_VALUE);
  }

  /** Counts an event at {@code millis} into the window ring. */
  public void count(long millis, long bucketMillis, boolean critical) {
    long idx = Math.floorDiv(millis, bucketMillis);
    int slot = Math.floorMod(idx, BUCKETS);
    if (bucketIndex[slot] != idx) {
      if (bucketIndex[slot] > idx) {
        return; // too old for the ring: counts only in the episode
      }
      bucketIndex[slot] = idx;
      counts[slot] = 0;
      criticals[slot] = 0;
    }
    counts[slot]++;
    if (critical) {
      criticals[slot]++;
    }
  }

  /** @return events in the window ending at bucket of {@code millis} */
  public int windowCount(long millis, long bucketMillis) {
    return sum(counts, millis, bucketMillis);
  }

  /** @return critical events in the window ending at bucket of {@code millis} */
  public int windowCriticals(long millis, long bucketMillis) {
    return sum(criticals, millis, bucketMillis);
  }

  private int sum(int[] values, long millis, long bucketMillis) {
    long idx = Math.floorDiv(millis, bucketMillis);
    int total = 0;
    for (int s = 0; s < BUCKETS; s++) {
      long b = bucketIndex[s];
      if (b <= idx && b > idx - BUCKETS) {
        total += values[s];
      }
    }
    return total;
  }

  /**
   * Keeps {@code candidate} as a sample when there is room and it differs from the kept ones in service or
   * message (so the samples show the spread of the group, not ten copies of one line).
   *
   * @param diversityKey a hash of what makes the candidate different (service and message)
   * @return true when the caller should store it (then call {@link #addSample})
   */
  public boolean wantsSample(long diversityKey, int max) {
    return samples.size() < max && !sampleKeys.contains(diversityKey);
  }

  /** Stores a sanitized sample. */
  public void addSample(long diversityKey, LogEvent sanitized) {
    sampleKeys.add(diversityKey);
    samples.add(sanitized);
  }

  /** Starts a new episode after an incident opened at {@code millis}. */
  public void resetEpisode(long millis) {
    lastIncidentMillis = millis;
    episodeCount = 0;
    episodeFirstMillis = Long.MAX_VALUE;
    episodeLastMillis = Long.MIN_VALUE;
    maxSeverity = Severity.UNKNOWN;
    services.clear();
    samples.clear();
    sampleKeys.clear();
  }
}
