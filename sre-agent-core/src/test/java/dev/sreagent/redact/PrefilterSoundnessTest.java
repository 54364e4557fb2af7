package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The prefilter may only skip rules that cannot match. Random lines dense in what the structural gates
 * look at (digit groups and separators, upper-case codes, {@code +}, {@code @}, hex and colons, keywords)
 * must redact the same with and without it.
 */
class PrefilterSoundnessTest {
  private static final String[] PIECES = {
      " ", "-", ".", "(", ")", ":", "::", "+", "@", "=", "/", "_", "~", "\"", "'", ",", ";", "&", "?", "#",
      "0", "1", "4", "12", "123", "415", "555", "2671", "4111", "0000", "255", "10", "192.168.", "fe80", "ffff", "db8",
      "GB", "DE", "82", "WEST", "AB", "SK", "AKIA", "ya29", "eyJ", "ghp_", "xoxb-", "sk_live_", "Q~", "AA",
      "key", "pass", "token", "secret", "Bearer", "Basic", "Authorization", "Cookie", "sig", "phone", "ssn",
      "example.com", "mail", "a", "Z", "f", "x", "\n", "-----BEGIN", "PRIVATE KEY-----", "-----END"};

  @Test
  void sameOutputWithAndWithoutThePrefilterOnRandomLines() {
    Redactor fast = DefaultRedactor.create();
    Redactor every = DefaultRedactor.builder().prefilter(false).build();
    Random r = new Random(20261126);
    int redacted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = 3 + r.nextInt(40);
      for (int j = 0; j < n; j++) {
        b.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String line = b.toString();
      String out = fast.newSession().redact(line);
      assertThat(out).as("line %d: %s", i, line).isEqualTo(every.newSession().redact(line));
      if (!out.equals(line)) {
        redacted++;
      }
    }
    assertThat(redacted).as("the corpus exercises the rules").isGreaterThan(1_000);
  }
}
