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

  /**
   * The prefilter first tracks cheap conditions of the structural gates (digit runs of 9 digits with a
   * separator or 13 digits, 3 dots and 4 digits, 6 colons or {@code ::}, {@code +} or two upper-case
   * letters before a digit, {@code SK}, {@code @}) and computes the exact gates only when one holds.
   * Numbers, codes and hex/colon runs around those thresholds must redact the same with and without it.
   */
  /** Number shapes at the gates' thresholds; {@code d} is a random digit. */
  private static final String[] SHAPES = {
      "ddd-dd-dddd", "ddd ddd dddd", "(ddd) ddd-dddd", "ddd.ddd.dddd", "ddd-ddd-dddd", "dddd dddd dddd dddd",
      "dddd-dddd-dddd-dddd", "ddddddddddddddd", "d.d.d.d", "ddd.ddd.ddd.ddd", "dd.dd.dd.dd", "+dd dd dddd dddd",
      "+d ddd ddd dddd", "+dddddddddd", "+dd (d) dddd dddd", "GBdd WEST dddd dddd dd", "ABddddddC",
      "dddd:dd:ddd:d:dddd:dd:ddd.dd.d.ddd", "dddd:dd:ddd:d:dddd:dd:ddd:dddd", "dddd::dd", "ddd:d::ddd.dd.d.ddd"};

  @Test
  void sameOutputWithAndWithoutThePrefilterAroundTheGateThresholds() {
    Redactor fast = DefaultRedactor.create();
    Redactor every = DefaultRedactor.builder().prefilter(false).build();
    Random r = new Random(7);
    String[] before = {"", " ", "+", "x", "GB", " AB", "id=", "(", "-", "SK", "S"};
    String[] seps = {"", "", "", " ", "-", ".", "(", ")", ":", "  ", "--", ". "};
    String hex = "0123456789abcdefABCDEF";
    String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    int redacted = 0;
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder(before[r.nextInt(before.length)]);
      switch (r.nextInt(4)) {
        case 3 -> { // a number shape near a gate's threshold, with a digit or separator added or removed
          StringBuilder t = new StringBuilder();
          for (char c : SHAPES[r.nextInt(SHAPES.length)].toCharArray()) {
            t.append(c == 'd' ? (char) ('0' + r.nextInt(10)) : c);
          }
          int at = r.nextInt(t.length());
          switch (r.nextInt(4)) {
            case 0 -> t.deleteCharAt(at);
            case 1 -> t.insert(at, (char) ('0' + r.nextInt(10)));
            case 2 -> t.setCharAt(at, " -.()+:".charAt(r.nextInt(7)));
            default -> { }
          }
          b.append(t);
        }
        case 0 -> { // digit groups with separators: 1-16 digits in all
          int digits = 1 + r.nextInt(16);
          for (int d = 0; d < digits; d++) {
            if (d > 0 && r.nextInt(3) == 0) {
              b.append(seps[r.nextInt(seps.length)]);
            }
            b.append((char) ('0' + r.nextInt(10)));
          }
        }
        case 1 -> { // hex groups and colons: 1-8 colons
          int colons = 1 + r.nextInt(8);
          for (int c = 0; c < colons; c++) {
            for (int h = r.nextInt(5); h > 0; h--) {
              b.append(hex.charAt(r.nextInt(hex.length())));
            }
            b.append(':');
          }
          b.append(hex.charAt(r.nextInt(hex.length())));
        }
        default -> { // a word of 30-36 letters and digits
          for (int w = 30 + r.nextInt(7); w > 0; w--) {
            b.append(alnum.charAt(r.nextInt(alnum.length())));
          }
        }
      }
      b.append(seps[r.nextInt(seps.length)]);
      String line = b.toString();
      String out = fast.newSession().redact(line);
      assertThat(out).as("line %d: %s", i, line).isEqualTo(every.newSession().redact(line));
      if (!out.equals(line)) {
        redacted++;
      }
    }
    assertThat(redacted).as("the corpus reaches the gates' rules").isGreaterThan(500);
  }
}
