package dev.sreagent.detect;

import dev.sreagent.detect.internal.GroupState;
import dev.sreagent.grouping.Group;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Opens {@link Incident}s from grouped events. Per group it keeps windowed counts ({@link DetectorConfig#window()}
 * in {@value GroupState#BUCKETS} buckets) and fires, when the group has at least {@link
 * DetectorConfig#minOccurrences()} events in the window and is not in its cooldown:
 *
 * <ol>
 *   <li>{@link Incident.Trigger#CRITICAL_BURST} — {@link DetectorConfig#criticalBurst()} critical events in the window;
 *   <li>{@link Incident.Trigger#NEW_GROUP} — the group was first seen within the window (and {@link
 *       DetectorConfig#newGroup()} is on);
 *   <li>{@link Incident.Trigger#ERROR_RATE} — {@link DetectorConfig#rateThreshold()} events in the window.
 * </ol>
 *
 * <p>Time is the events' own timestamps, so replays and tests are deterministic. Events below {@link
 * DetectorConfig#minSeverity()}, ignored groups ({@link Group#ignored()}) and {@link
 * DetectorConfig#ignoreFingerprints()} are skipped. An incident carries the episode since the group's previous
 * incident: first and last seen, count, services, highest severity, a score, and up to {@link
 * DetectorConfig#samples()} diverse samples.
 *
 * <p><b>Redaction</b>: every text that leaves the detector (title and samples: message and attribute values) goes
 * through the sample sanitizer given to {@link Builder#sampleSanitizer(UnaryOperator)} (identity by default).
 * The pipeline wires the {@link dev.sreagent.redact.Redactor} into it, so incidents hold redacted text only.
 *
 * <p>Memory is bounded by {@link DetectorConfig#maxGroups()} (least recently seen group evicted), not by events.
 * <b>Not thread safe</b>: one detector per partition, fed by the partition's {@link dev.sreagent.grouping.Grouper}.
 */
public final class IncidentDetector {
  private final DetectorConfig config;
  private final UnaryOperator<String> sanitizer;
  private final long bucketMillis;
  private final long windowMillis;
  private final long cooldownMillis;
  private final LinkedHashMap<String, GroupState> groups;
  private long evictions;

  private IncidentDetector(Builder b) {
    this.config = b.config;
    this.sanitizer = b.sanitizer;
    this.windowMillis = config.window().toMillis();
    this.bucketMillis = Math.max(1, windowMillis / GroupState.BUCKETS);
    this.cooldownMillis = config.cooldown().toMillis();
    int max = config.maxGroups();
    this.groups = new LinkedHashMap<>(256, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, GroupState> eldest) {
        if (size() > max) {
          evictions++;
          return true;
        }
        return false;
      }
    };
  }

  /** @return a builder with the default settings and the identity sanitizer */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts one event and opens an incident when a trigger fires.
   *
   * @param event the normalized event
   * @param group its group from the {@link dev.sreagent.grouping.Grouper}
   * @return the incident opened by this event, if any
   */
  public Optional<Incident> offer(LogEvent event, Group group) {
    if (group.ignored() || event.severity().compareTo(config.minSeverity()) < 0
        || config.ignoreFingerprints().contains(group.fingerprint())) {
      return Optional.empty();
    }
    long now = event.timestamp().toEpochMilli();
    GroupState s = groups.get(group.fingerprint());
    if (s == null) {
      s = new GroupState(now);
      groups.put(group.fingerprint(), s);
    }
    boolean critical = event.severity() == Severity.CRITICAL;
    s.count(now, bucketMillis, critical);
    s.episodeCount++;
    s.episodeFirstMillis = Math.min(s.episodeFirstMillis, now);
    s.episodeLastMillis = Math.max(s.episodeLastMillis, now);
    if (event.severity().compareTo(s.maxSeverity) > 0) {
      s.maxSeverity = event.severity();
    }
    if (s.services.size() < GroupState.MAX_SERVICES && !event.service().isEmpty()) {
      s.services.add(event.service());
    }
    if (s.samples.size() < config.samples()) {
      long key = ((long) event.service().hashCode() << 32) ^ (event.message().hashCode() & 0xffffffffL);
      if (s.wantsSample(key, config.samples())) {
        s.addSample(key, sanitize(event));
      }
    }
    if (s.lastIncidentMillis != Long.MIN_VALUE && now - s.lastIncidentMillis < cooldownMillis) {
      return Optional.empty();
    }
    int inWindow = s.windowCount(now, bucketMillis);
    if (inWindow < config.minOccurrences()) {
      return Optional.empty();
    }
    Incident.Trigger trigger = null;
    if (s.windowCriticals(now, bucketMillis) >= config.criticalBurst()) {
      trigger = Incident.Trigger.CRITICAL_BURST;
    } else if (config.newGroup() && s.lastIncidentMillis == Long.MIN_VALUE && now - s.firstEverMillis < windowMillis) {
      trigger = Incident.Trigger.NEW_GROUP;
    } else if (inWindow >= config.rateThreshold()) {
      trigger = Incident.Trigger.ERROR_RATE;
    }
    if (trigger == null) {
      return Optional.empty();
    }
    Incident incident = new Incident(group.fingerprint(), group.kind(), sanitizer.apply(group.title()),
        group.exceptionTypes(), trigger, s.maxSeverity, score(s.maxSeverity, inWindow, s.services.size()),
        Instant.ofEpochMilli(s.episodeFirstMillis), Instant.ofEpochMilli(s.episodeLastMillis), s.episodeCount,
        new ArrayList<>(s.services), s.samples);
    s.resetEpisode(now);
    return Optional.of(incident);
  }

  /** @return groups tracked now */
  public int liveGroups() {
    return groups.size();
  }

  /** @return groups evicted to respect {@link DetectorConfig#maxGroups()} so far */
  public long evictions() {
    return evictions;
  }

  /**
   * Score from 0 to 100: severity (warning 30, error 50, critical 70, else 20), plus up to 20 for the rate
   * ({@code 5 × log10(1 + events in window)}), plus up to 10 for spread ({@code 2.5} per service beyond the first).
   */
  static double score(Severity severity, int inWindow, int services) {
    double base = switch (severity) {
      case CRITICAL -> 70;
      case ERROR -> 50;
      case WARNING -> 30;
      default -> 20;
    };
    double rate = Math.min(20, 5 * Math.log10(1 + inWindow));
    double spread = Math.min(10, 2.5 * Math.max(0, services - 1));
    return Math.min(100, Math.round((base + rate + spread) * 10) / 10.0);
  }

  private LogEvent sanitize(LogEvent e) {
    String message = e.message();
    if (message.length() > config.sampleLength()) {
      int cut = config.sampleLength();
      if (Character.isHighSurrogate(message.charAt(cut - 1))) {
        cut--;
      }
      message = message.substring(0, cut) + "…[truncated]";
    }
    Map<String, String> attrs = new HashMap<>();
    e.attributes().forEach((k, v) -> attrs.put(k, Objects.requireNonNull(sanitizer.apply(v), "sanitizer returned null")));
    String traceId = e.traceId();
    return new LogEvent(e.id(), e.timestamp(), e.severity(), e.service(),
        Objects.requireNonNull(sanitizer.apply(message), "sanitizer returned null"), traceId, attrs);
  }

  /** Builds an {@link IncidentDetector}; not thread safe. */
  public static final class Builder {
    private DetectorConfig config = DetectorConfig.defaults();
    private UnaryOperator<String> sanitizer = UnaryOperator.identity();

    private Builder() {}

    /** @return this, with these settings */
    public Builder config(DetectorConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * @param sanitizer applied to every text the detector keeps or emits (titles, sample messages, attribute
     *     values); the pipeline passes the redactor here. Default: identity.
     * @return this
     */
    public Builder sampleSanitizer(UnaryOperator<String> sanitizer) {
      this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
      return this;
    }

    /** @return the detector */
    public IncidentDetector build() {
      return new IncidentDetector(this);
    }
  }
}
