package dev.sreagent.detect;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the {@link IncidentDetector}, read from {@code sre-agent.detect.*}:
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code sre-agent.detect.window}</td><td>5m</td><td>length of the sliding window of counts</td></tr>
 *   <tr><td>{@code sre-agent.detect.min-occurrences}</td><td>3</td><td>events of a group in the window before any incident opens</td></tr>
 *   <tr><td>{@code sre-agent.detect.new-group}</td><td>true</td><td>open an incident for a group first seen within the window once it has min-occurrences events</td></tr>
 *   <tr><td>{@code sre-agent.detect.rate-threshold}</td><td>100</td><td>events of a group in the window that open an incident (error rate)</td></tr>
 *   <tr><td>{@code sre-agent.detect.critical-burst}</td><td>3</td><td>critical events of a group in the window that open an incident</td></tr>
 *   <tr><td>{@code sre-agent.detect.cooldown}</td><td>30m</td><td>after an incident opens, no other incident for the same group for this long</td></tr>
 *   <tr><td>{@code sre-agent.detect.min-severity}</td><td>error</td><td>events below this severity are not counted (unknown, trace, debug, info, warning, error, critical)</td></tr>
 *   <tr><td>{@code sre-agent.detect.max-groups}</td><td>10000</td><td>groups tracked; the least recently seen is evicted (and counts as new again)</td></tr>
 *   <tr><td>{@code sre-agent.detect.samples}</td><td>5</td><td>sample events kept per incident, chosen to be diverse</td></tr>
 *   <tr><td>{@code sre-agent.detect.sample-length}</td><td>2048</td><td>characters kept of a sample's message</td></tr>
 *   <tr><td>{@code sre-agent.detect.ignore-fingerprints}</td><td>(none)</td><td>comma-separated fingerprints that never open an incident</td></tr>
 * </table>
 *
 * <p>Memory is bounded by {@code max-groups × (samples × sample-length + about 1 KiB)}, whatever the number of events.
 *
 * @param window sliding window
 * @param minOccurrences events in the window before any trigger
 * @param newGroup whether the new-group trigger is on
 * @param rateThreshold events in the window for the error-rate trigger
 * @param criticalBurst critical events in the window for the critical-burst trigger
 * @param cooldown quiet time per group after an incident
 * @param minSeverity lowest severity counted
 * @param maxGroups groups tracked
 * @param samples samples per incident
 * @param sampleLength characters kept per sample message
 * @param ignoreFingerprints fingerprints that never open an incident
 */
public record DetectorConfig(
    Duration window,
    int minOccurrences,
    boolean newGroup,
    int rateThreshold,
    int criticalBurst,
    Duration cooldown,
    Severity minSeverity,
    int maxGroups,
    int samples,
    int sampleLength,
    Set<String> ignoreFingerprints) {
  /** Key prefix. */
  public static final String PREFIX = "sre-agent.detect.";

  /** Validates and copies. */
  public DetectorConfig {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(minSeverity, "minSeverity");
    if (window.toMillis() < 1 || cooldown.isNegative() || minOccurrences < 1 || rateThreshold < 1 || criticalBurst < 1
        || maxGroups < 1 || samples < 1 || sampleLength < 64) {
      throw new IllegalArgumentException("invalid detector settings: window and cooldown must be positive, counts at "
          + "least 1, sampleLength at least 64");
    }
    ignoreFingerprints = Set.copyOf(ignoreFingerprints);
  }

  /** @return the defaults */
  public static DetectorConfig defaults() {
    return new DetectorConfig(Duration.ofMinutes(5), 3, true, 100, 3, Duration.ofMinutes(30), Severity.ERROR, 10_000, 5,
        2048, Set.of());
  }

  /**
   * @param config the configuration
   * @return the settings
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static DetectorConfig from(ConfigProperties config) {
    DetectorConfig d = defaults();
    ConfigReader r = ConfigReader.of(config, "sre-agent.detect");
    Duration window = r.positiveDuration(PREFIX + "window", d.window());
    int minOcc = r.integer(PREFIX + "min-occurrences", d.minOccurrences(), 1, 1_000_000);
    boolean newGroup = r.bool(PREFIX + "new-group", d.newGroup());
    int rate = r.integer(PREFIX + "rate-threshold", d.rateThreshold(), 1, Integer.MAX_VALUE);
    int burst = r.integer(PREFIX + "critical-burst", d.criticalBurst(), 1, Integer.MAX_VALUE);
    Duration cooldown = r.duration(PREFIX + "cooldown", d.cooldown());
    r.check(!cooldown.isNegative(), "Invalid value '" + config.get(PREFIX + "cooldown", "") + "' for " + PREFIX
        + "cooldown: expected a duration such as 30m (0 for none)");
    List<String> levels = List.of("unknown", "trace", "debug", "info", "warning", "error", "critical");
    String sev = r.oneOf(PREFIX + "min-severity", "error", levels);
    int maxGroups = r.integer(PREFIX + "max-groups", d.maxGroups(), 1, 10_000_000);
    int samples = r.integer(PREFIX + "samples", d.samples(), 1, 100);
    int sampleLength = r.integer(PREFIX + "sample-length", d.sampleLength(), 64, 1 << 20);
    List<String> ignore = r.list(PREFIX + "ignore-fingerprints");
    r.validate();
    return new DetectorConfig(window, minOcc, newGroup, rate, burst, cooldown.isNegative() ? d.cooldown() : cooldown,
        Severity.valueOf(sev.toUpperCase(Locale.ROOT)), maxGroups, samples, sampleLength, Set.copyOf(ignore));
  }
}
