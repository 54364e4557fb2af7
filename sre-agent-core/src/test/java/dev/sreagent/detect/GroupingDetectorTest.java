package dev.sreagent.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupingDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  private static List<LogEvent> events(String... messages) {
    List<LogEvent> out = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      out.add(new LogEvent("e-" + i, T0.plusSeconds(i), Severity.ERROR, "layout", messages[i], null, Map.of()));
    }
    return out;
  }

  private static final String[] PASSES = {
    "layout pass begin failed for window 7", "layout pass end failed for window 9", "layout pass retry failed for window 4"};

  @Test
  void aPollIsGroupedWithTheWholeBatchInView() {
    GroupingDetector detector = GroupingDetector.fromConfig(ConfigProperties.empty());
    List<Incident> opened = detector.detect(events(PASSES));
    assertThat(opened).singleElement().satisfies(i -> {
      assertThat(i.count()).isEqualTo(3);
      assertThat(i.trigger()).isEqualTo(Incident.Trigger.NEW_GROUP);
      assertThat(i.fingerprint()).startsWith("fp2:t:");
      assertThat(i.title()).isEqualTo("layout pass <*> failed for window <*>");
    });
  }

  @Test
  void oneEventPerPollIsPureStreaming() {
    GroupingDetector detector = GroupingDetector.fromConfig(ConfigProperties.empty());
    List<Incident> opened = new ArrayList<>();
    for (LogEvent e : events(PASSES)) {
      opened.addAll(detector.detect(List.of(e)));
    }
    // "end" was the second of two values when it came alone: its own group, so no group reached 3 events
    assertThat(opened).isEmpty();
    assertThat(detector.liveGroups()).isEqualTo(2);
  }
}
