package dev.sreagent.detect;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.grouping.Group;
import dev.sreagent.grouping.GroupingConfig;
import dev.sreagent.grouping.Grouper;
import dev.sreagent.grouping.LogNormalizer;
import dev.sreagent.incident.Incident;
import dev.sreagent.runtime.BatchDetector;
import dev.sreagent.spi.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The agent's default {@link BatchDetector}: each event is normalized ({@link LogNormalizer}), grouped
 * ({@link Grouper}: stack-trace fingerprint or mined template, a whole batch at once so alternatives are told
 * from variables with the batch in view) and counted by the {@link IncidentDetector},
 * which opens incidents. Configured by {@code sre-agent.grouping.*} and {@code sre-agent.detect.*}.
 *
 * <p>Not thread safe, like the parts it joins: the agent calls it from its single polling thread.
 */
public final class GroupingDetector implements BatchDetector {
  private final LogNormalizer normalizer;
  private final Grouper grouper;
  private final IncidentDetector detector;

  private GroupingDetector(LogNormalizer normalizer, Grouper grouper, IncidentDetector detector) {
    this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
    this.grouper = Objects.requireNonNull(grouper, "grouper");
    this.detector = Objects.requireNonNull(detector, "detector");
  }

  /**
   * @param config {@code sre-agent.grouping.*} and {@code sre-agent.detect.*} (every bad key reported at once)
   * @return a detector over events that are already redacted (the agent redacts at intake)
   */
  public static GroupingDetector fromConfig(ConfigProperties config) {
    GroupingConfig grouping = GroupingConfig.from(config);
    return new GroupingDetector(LogNormalizer.create(grouping), Grouper.create(grouping),
        IncidentDetector.builder().config(DetectorConfig.from(config)).build());
  }

  /** @return a detector joining the given parts */
  public static GroupingDetector of(LogNormalizer normalizer, Grouper grouper, IncidentDetector detector) {
    return new GroupingDetector(normalizer, grouper, detector);
  }

  @Override
  public List<Incident> detect(List<LogEvent> events) {
    List<LogEvent> normalized = new ArrayList<>(events.size());
    List<String> messages = new ArrayList<>(events.size());
    for (LogEvent raw : events) {
      LogEvent event = normalizer.normalize(raw);
      normalized.add(event);
      messages.add(event.message());
    }
    List<Group> groups = grouper.groupAll(messages);
    List<Incident> opened = new ArrayList<>();
    for (int i = 0; i < normalized.size(); i++) {
      detector.offer(normalized.get(i), groups.get(i)).ifPresent(opened::add);
    }
    return opened;
  }

  /** @return groups the detector tracks now */
  public int liveGroups() {
    return detector.liveGroups();
  }
}
