package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Intake sessions: one incident's events span batches, so placeholders must not depend on the batch. */
class IntakeSessionTest {
  private static final Pattern TAG = Pattern.compile("<email:([0-9a-f]{8})>");

  @Test
  void theSameValueGetsTheSamePlaceholderInEveryIntakeSessionOfARedactor() {
    DefaultRedactor redactor = DefaultRedactor.create();
    String a = redactor.newIntakeSession().redact("login failed for ada@example.org");
    String b = redactor.newIntakeSession().redact("retry failed for ada@example.org and bob@example.org");
    String tagA = tag(a);
    assertThat(a).isEqualTo("login failed for <email:" + tagA + ">");
    assertThat(b).startsWith("retry failed for <email:" + tagA + "> and <email:");
    assertThat(b).doesNotContain("example.org");
    assertThat(b.substring(b.indexOf(" and "))).doesNotContain(tagA);
  }

  @Test
  void anotherRedactorHasAnotherKey() {
    String one = DefaultRedactor.create().newIntakeSession().redact("ada@example.org");
    String two = DefaultRedactor.create().newIntakeSession().redact("ada@example.org");
    assertThat(tag(one)).isNotEqualTo(tag(two));
  }

  @Test
  void countsAreKeptAndALaterPassLeavesTagsAlone() {
    DefaultRedactor redactor = DefaultRedactor.create();
    RedactionSession intake = redactor.newIntakeSession();
    String once = intake.redact("user ada@example.org from 198.51.100.7");
    assertThat(intake.counts()).isEqualTo(Map.of("email", 1L, "ipv4", 1L));
    assertThat(redactor.newSession().redact(once)).isEqualTo(once);
  }

  private static String tag(String text) {
    Matcher m = TAG.matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }
}
