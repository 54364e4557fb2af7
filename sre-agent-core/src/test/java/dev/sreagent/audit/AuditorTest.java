package dev.sreagent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditorTest {
  static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    List<AuditEvent> seen = new ArrayList<>();
    Auditor a = Auditor.create(List.of(e -> {
      throw new IllegalStateException("listener down");
    }, seen::add));
    ModelCallEvent e = new ModelCallEvent(T, "fp1:x", "triage", "m-1", 10, 2, Duration.ofMillis(30), ModelCallEvent.Outcome.OK);
    a.record(e);
    assertThat(seen).containsExactly(e);
  }

  @Test
  void logLinesAreKeyValuePairsOfIdsAndCounts() {
    assertThat(new ModelCallEvent(T, "fp1:x", "triage", "m-1", 10, 2, Duration.ofMillis(30), ModelCallEvent.Outcome.OK).toLogLine())
        .isEqualTo("event=model-call fingerprint=fp1:x stage=triage model=m-1 tokens-in=10 tokens-out=2 latency-ms=30 outcome=OK");
    assertThat(new DeliveryEvent(T, "fp1:x", "sre-agent-ab", DeliveryEvent.Kind.REPORT, "https://h/1", true, 0, 0, "SUSPICIOUS").toLogLine())
        .isEqualTo("event=delivery fingerprint=fp1:x key=sre-agent-ab kind=REPORT target=https://h/1 created=true files=0 changed-lines=0 "
            + "reason=SUSPICIOUS");
    RedactionEvent r = new RedactionEvent(T, "fp1:x", Map.of("email", 2L, "aws-access-key", 1L));
    assertThat(r.total()).isEqualTo(3);
    assertThat(r.toLogLine()).isEqualTo("event=redaction fingerprint=fp1:x total=3 redacted.aws-access-key=1 redacted.email=2");
  }
}
