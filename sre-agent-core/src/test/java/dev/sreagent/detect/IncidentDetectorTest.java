package dev.sreagent.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.grouping.Group;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final Group DB = new Group("fp1:s:00000000000000db", Incident.Kind.STACK_TRACE,
      "java.sql.SQLException: pool exhausted", List.of("java.sql.SQLException"), false);
  private static final Group CACHE = new Group("fp2:t:00000000000000ca", Incident.Kind.TEMPLATE, "cache miss <*>", List.of(), false);

  private static LogEvent event(Instant at, Severity severity, String service, String message) {
    return new LogEvent("e-" + at.toEpochMilli(), at, severity, service, message, null, Map.of("user", "u-" + message.length()));
  }

  private static LogEvent error(Duration after) {
    return event(T0.plus(after), Severity.ERROR, "orders", "pool exhausted");
  }

  private static DetectorConfig config(String... kv) {
    ConfigProperties.Builder b = ConfigProperties.builder();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], kv[i + 1]);
    }
    return DetectorConfig.from(b.build());
  }

  private static List<Incident> feed(IncidentDetector d, Group g, int n, Duration start, Duration step) {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      d.offer(error(start.plus(step.multipliedBy(i))), g).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void aNewGroupOpensAnIncidentAtTheMinimumCount() {
    IncidentDetector d = IncidentDetector.builder().build();
    assertThat(d.offer(event(T0, Severity.ERROR, "orders", "pool exhausted (1)"), DB)).isEmpty();
    assertThat(d.offer(event(T0.plusSeconds(1), Severity.ERROR, "billing", "pool exhausted (2)"), DB)).isEmpty();
    Incident i = d.offer(event(T0.plusSeconds(2), Severity.ERROR, "orders", "pool exhausted (3)"), DB).orElseThrow();
    assertThat(i.trigger()).isEqualTo(Incident.Trigger.NEW_GROUP);
    assertThat(i.fingerprint()).isEqualTo(DB.fingerprint());
    assertThat(i.kind()).isEqualTo(Incident.Kind.STACK_TRACE);
    assertThat(i.title()).isEqualTo("java.sql.SQLException: pool exhausted");
    assertThat(i.exceptionTypes()).containsExactly("java.sql.SQLException");
    assertThat(i.count()).isEqualTo(3);
    assertThat(i.firstSeen()).isEqualTo(T0);
    assertThat(i.lastSeen()).isEqualTo(T0.plusSeconds(2));
    assertThat(i.services()).containsExactly("billing", "orders");
    assertThat(i.severity()).isEqualTo(Severity.ERROR);
    assertThat(i.samples()).hasSize(3);
    assertThat(i.score()).isEqualTo(IncidentDetector.score(Severity.ERROR, 3, 2)).isEqualTo(55.5);
  }

  @Test
  void aGroupSeenLongAgoIsNotNew() {
    IncidentDetector d = IncidentDetector.builder().build();
    assertThat(d.offer(error(Duration.ZERO), DB)).isEmpty();
    assertThat(feed(d, DB, 50, Duration.ofHours(1), Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void countsOutsideTheWindowDoNotAddUp() {
    IncidentDetector d = IncidentDetector.builder().config(config("sre-agent.detect.new-group", "false",
        "sre-agent.detect.rate-threshold", "10", "sre-agent.detect.window", "1m")).build();
    assertThat(feed(d, DB, 60, Duration.ZERO, Duration.ofSeconds(7))).as("about 9 per minute").isEmpty();
    assertThat(feed(d, DB, 10, Duration.ofMinutes(10), Duration.ofSeconds(1))).extracting(Incident::trigger)
        .containsExactly(Incident.Trigger.ERROR_RATE);
  }

  @Test
  void errorRateOpensAnIncidentForAKnownGroup() {
    IncidentDetector d = IncidentDetector.builder().config(config("sre-agent.detect.new-group", "false")).build();
    assertThat(feed(d, DB, 99, Duration.ZERO, Duration.ofMillis(100))).isEmpty();
    Incident i = d.offer(error(Duration.ofSeconds(10)), DB).orElseThrow();
    assertThat(i.trigger()).isEqualTo(Incident.Trigger.ERROR_RATE);
    assertThat(i.count()).isEqualTo(100);
  }

  @Test
  void aCriticalBurstWinsOverTheOtherTriggers() {
    IncidentDetector d = IncidentDetector.builder().build();
    d.offer(event(T0, Severity.CRITICAL, "orders", "down"), DB);
    d.offer(event(T0.plusSeconds(1), Severity.CRITICAL, "orders", "down"), DB);
    Incident i = d.offer(event(T0.plusSeconds(2), Severity.CRITICAL, "orders", "down"), DB).orElseThrow();
    assertThat(i.trigger()).isEqualTo(Incident.Trigger.CRITICAL_BURST);
    assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void criticalBurstOpensForAKnownGroupAfterItsCooldown() {
    IncidentDetector d = IncidentDetector.builder().config(config("sre-agent.detect.rate-threshold", "1000000")).build();
    assertThat(feed(d, DB, 3, Duration.ZERO, Duration.ofSeconds(1))).hasSize(1);
    for (int i = 0; i < 2; i++) {
      assertThat(d.offer(event(T0.plus(Duration.ofMinutes(40)).plusSeconds(i), Severity.CRITICAL, "a", "x"), DB)).isEmpty();
    }
    assertThat(d.offer(event(T0.plus(Duration.ofMinutes(40)).plusSeconds(3), Severity.CRITICAL, "a", "x"), DB))
        .map(Incident::trigger).contains(Incident.Trigger.CRITICAL_BURST);
  }

  @Test
  void cooldownSilencesAGroupThenItCanOpenAgain() {
    IncidentDetector d = IncidentDetector.builder().build();
    assertThat(feed(d, DB, 3, Duration.ZERO, Duration.ofSeconds(1))).hasSize(1);
    assertThat(feed(d, DB, 5000, Duration.ofSeconds(3), Duration.ofMillis(300))).as("inside the 30m cooldown").isEmpty();
    List<Incident> again = feed(d, DB, 100, Duration.ofMinutes(31), Duration.ofMillis(10));
    assertThat(again).hasSize(1);
    assertThat(again.get(0).trigger()).isEqualTo(Incident.Trigger.ERROR_RATE);
    assertThat(again.get(0).count()).as("events since the previous incident").isEqualTo(5100);
    assertThat(again.get(0).firstSeen()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void eventsBelowTheMinimumSeverityAreNotCounted() {
    IncidentDetector d = IncidentDetector.builder().build();
    for (int i = 0; i < 10; i++) {
      assertThat(d.offer(event(T0.plusSeconds(i), Severity.WARNING, "a", "w"), DB)).isEmpty();
    }
    assertThat(d.liveGroups()).isZero();
    IncidentDetector warn = IncidentDetector.builder().config(config("sre-agent.detect.min-severity", "WARNING")).build();
    assertThat(feed(warn, DB, 3, Duration.ZERO, Duration.ofSeconds(1))).hasSize(1);
  }

  @Test
  void ignoredGroupsAndIgnoredFingerprintsNeverOpen() {
    IncidentDetector d = IncidentDetector.builder()
        .config(config("sre-agent.detect.ignore-fingerprints", DB.fingerprint() + ", fp2:t:ffff")).build();
    assertThat(feed(d, DB, 500, Duration.ZERO, Duration.ofMillis(1))).isEmpty();
    Group ignored = new Group("fp1:i:health", Incident.Kind.OVERRIDE, "ignored by rule health", List.of(), true);
    assertThat(feed(d, ignored, 500, Duration.ZERO, Duration.ofMillis(1))).isEmpty();
    assertThat(feed(d, CACHE, 3, Duration.ZERO, Duration.ofMillis(1))).hasSize(1);
  }

  @Test
  void samplesAreDiverseBoundedAndSanitized() {
    IncidentDetector d = IncidentDetector.builder()
        .config(config("sre-agent.detect.min-occurrences", "20", "sre-agent.detect.sample-length", "64"))
        .sampleSanitizer(s -> s.replace("hunter2", "<password:1>"))
        .build();
    Group g = new Group("fp2:t:0000000000000042", Incident.Kind.TEMPLATE, "login failed password=hunter2", List.of(), false);
    Optional<Incident> opened = Optional.empty();
    for (int i = 0; i < 20; i++) {
      String service = i < 10 ? "auth" : "auth-" + (i % 3);
      String message = i < 10 ? "login failed password=hunter2" : "login failed password=hunter2 " + "x".repeat(100);
      opened = d.offer(event(T0.plusSeconds(i), Severity.ERROR, service, message), g);
    }
    Incident i = opened.orElseThrow();
    assertThat(i.title()).isEqualTo("login failed password=<password:1>");
    assertThat(i.samples()).hasSize(4);
    assertThat(i.samples()).extracting(LogEvent::service).containsExactly("auth", "auth-1", "auth-2", "auth-0");
    assertThat(i.samples().get(0).message()).isEqualTo("login failed password=<password:1>");
    assertThat(i.samples().get(1).message()).isEqualTo("login failed password=<password:1> " + "x".repeat(34) + "…[truncated]");
    assertThat(i.samples()).allSatisfy(s -> assertThat(s.message()).doesNotContain("hunter2"));
  }

  @Test
  void liveGroupsAreBoundedWithAnEvictionCounter() {
    IncidentDetector d = IncidentDetector.builder().config(config("sre-agent.detect.max-groups", "2")).build();
    for (int g = 0; g < 5; g++) {
      Group group = new Group("fp2:t:" + g, Incident.Kind.TEMPLATE, "t" + g, List.of(), false);
      d.offer(error(Duration.ofSeconds(g)), group);
    }
    assertThat(d.liveGroups()).isEqualTo(2);
    assertThat(d.evictions()).isEqualTo(3);
  }

  @Test
  void aStormFromThreeRootCausesOpensThreeIncidentsPerCooldown() {
    IncidentDetector d = IncidentDetector.builder().build();
    Group[] causes = {DB, CACHE, new Group("fp1:s:0000000000000003", Incident.Kind.STACK_TRACE, "NPE", List.of(), false)};
    List<Incident> opened = new ArrayList<>();
    int n = 60_000;
    for (int i = 0; i < n; i++) {
      // 59 minutes of event time: two cooldown periods of 30 minutes
      d.offer(error(Duration.ofMillis(i * 59L * 60_000 / n)), causes[i % 3]).ifPresent(opened::add);
    }
    assertThat(opened).extracting(Incident::trigger).containsExactly(
        Incident.Trigger.NEW_GROUP, Incident.Trigger.NEW_GROUP, Incident.Trigger.NEW_GROUP,
        Incident.Trigger.ERROR_RATE, Incident.Trigger.ERROR_RATE, Incident.Trigger.ERROR_RATE);
    assertThat(opened.subList(3, 6)).allSatisfy(i -> assertThat(i.firstSeen()).isBefore(T0.plus(Duration.ofSeconds(1))));
    assertThat(d.liveGroups()).isEqualTo(3);
  }

  @Test
  void configDefaultsAndErrors() {
    assertThat(DetectorConfig.from(ConfigProperties.empty())).isEqualTo(DetectorConfig.defaults());
    DetectorConfig c = config("sre-agent.detect.window", "10m", "sre-agent.detect.cooldown", "0s",
        "sre-agent.detect.ignore-fingerprints", "a,b");
    assertThat(c.window()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.cooldown()).isZero();
    assertThat(c.ignoreFingerprints()).isEqualTo(Set.of("a", "b"));
    assertThatThrownBy(() -> config("sre-agent.detect.min-occurrences", "0", "sre-agent.detect.min-severity", "loud"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.detect (2 problems): "
            + "Invalid value '0' for sre-agent.detect.min-occurrences: expected a whole number from 1 to 1000000; "
            + "Invalid value 'loud' for sre-agent.detect.min-severity: expected one of unknown, trace, debug, info, warning, error, critical");
  }
}
