package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the redactor drops the text: the caller gets a marker, the audit listener an event
 * with the failure's type, and the session keeps working. The failure is forced with a pattern that
 * overflows the regex engine's stack, as a careless extra pattern from configuration would.
 */
class FailClosedTest {
  @Test
  void anInternalFailureDropsTheTextWithAMarkerAndReportsIt() {
    List<RedactionEvent> events = new CopyOnWriteArrayList<>();
    RedactionSession session = DefaultRedactor.builder()
        .extraPattern("runaway", Pattern.compile("(?:a|b)*c"))
        .listener(events::add)
        .build().newSession();
    String secretish = "pass" + "word=" + new SyntheticSecrets(3).pick(SyntheticSecrets.ALNUM, 12);
    String huge = secretish + " " + "ab".repeat(500_000);

    String out = session.redact(huge);

    assertThat(out).isEqualTo("<redaction-failed>");
    assertThat(session.counts()).isEqualTo(Map.of("redaction-failed", 1L));
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.failed()).isTrue();
      assertThat(e.failure()).isEqualTo("java.lang.StackOverflowError");
      assertThat(e.counts()).isEmpty();
    });

    assertThat(session.redact("abc " + secretish)).isEqualTo("<runaway:1> " + secretish.substring(0, 9) + "<password:1>");
    assertThat(session.counts()).containsEntry("redaction-failed", 1L).containsEntry("password", 1L);
  }
}
