package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Placeholders are numbered per session and kind; counts and events carry kinds and numbers, never values. */
class RedactionSessionTest {
  private final SyntheticSecrets gen = new SyntheticSecrets(7);

  private String email() {
    return gen.pick(SyntheticSecrets.LOWER, 8) + "@" + gen.pick(SyntheticSecrets.LOWER, 6) + ".example.com";
  }

  @Test
  void placeholdersAreStableWithinASessionAndRestartInANewOne() {
    String a = email();
    String b = email();
    Redactor redactor = DefaultRedactor.create();
    RedactionSession session = redactor.newSession();

    assertThat(session.redact("from " + a + " to " + b)).isEqualTo("from <email:1> to <email:2>");
    assertThat(session.redact("reply to " + b + " cc " + a)).isEqualTo("reply to <email:2> cc <email:1>");
    assertThat(redactor.newSession().redact("reply to " + b)).isEqualTo("reply to <email:1>");
  }

  @Test
  void kindsAreNumberedIndependently() {
    String key = "AK" + "IA" + gen.pick(SyntheticSecrets.BASE32, 16);
    String mail = email();
    RedactionSession session = DefaultRedactor.create().newSession();

    assertThat(session.redact(mail + " used " + key)).isEqualTo("<email:1> used <aws-access-key:1>");
  }

  @Test
  void countsEveryReplacementAndTheListenerGetsCountsWithoutValues() {
    List<RedactionEvent> events = new CopyOnWriteArrayList<>();
    String key = "AK" + "IA" + gen.pick(SyntheticSecrets.BASE32, 16);
    String mail = email();
    RedactionSession session = DefaultRedactor.builder().listener(events::add).build().newSession();

    session.redact(mail + " " + key + " " + mail);
    session.redact("nothing to see");
    session.redact("again " + mail);

    assertThat(session.counts()).isEqualTo(Map.of("email", 3L, "aws-access-key", 1L));
    assertThat(events).hasSize(2);
    assertThat(events.get(0).counts()).isEqualTo(Map.of("aws-access-key", 1, "email", 2));
    assertThat(events.get(0).failed()).isFalse();
    assertThat(events.get(1).counts()).isEqualTo(Map.of("email", 1));
    assertThat(events.toString() + session.counts() + session).doesNotContain(mail).doesNotContain(key);
  }

  @Test
  void aThrowingListenerDoesNotUndoTheRedaction() {
    String mail = email();
    RedactionSession session = DefaultRedactor.builder()
        .listener(e -> {
          throw new IllegalStateException("audit down");
        })
        .build().newSession();

    assertThat(session.redact("user " + mail)).isEqualTo("user <email:1>");
    assertThat(session.counts()).isEqualTo(Map.of("email", 1L));
  }

  @Test
  void allowListedValuesKeptAndPiiFamiliesCanBeKept() {
    String publicKeyId = "AK" + "IA" + gen.pick(SyntheticSecrets.BASE32, 16);
    String other = "AK" + "IA" + gen.pick(SyntheticSecrets.BASE32, 16);
    String mail = email();
    RedactionSession session = DefaultRedactor.builder().allowValue(publicKeyId).keep(PiiFamily.IP_ADDRESS).build().newSession();

    assertThat(session.redact(publicKeyId + " " + other + " from 10.20.30.40 by " + mail))
        .isEqualTo(publicKeyId + " <aws-access-key:1> from 10.20.30.40 by <email:1>");
  }

  @Test
  void extraPatternsAndFieldNames() {
    RedactionSession session = DefaultRedactor.builder()
        .extraPattern("employee-id", Pattern.compile("\\bEMP-\\d{6}\\b"))
        .extraPattern("ticket-secret", Pattern.compile("ticket=(?<secret>[a-z]{10})"))
        .extraFieldName("x-internal-code")
        .build().newSession();

    assertThat(session.redact("EMP-123456 opened ticket=abcdefghij with X_Internal_Code=7731 done"))
        .isEqualTo("<employee-id:1> opened ticket=<ticket-secret:1> with X_Internal_Code=<secret:1> done");
  }

  @Test
  void concurrentCallersShareOneNumbering() throws Exception {
    String mail = email();
    RedactionSession session = DefaultRedactor.create().newSession();
    List<String> results = new CopyOnWriteArrayList<>();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      String mine = email();
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          results.add(session.redact(mail + " " + mine));
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(results).hasSize(800).allMatch(r -> Pattern.matches("<email:\\d> <email:\\d>", r));
    assertThat(session.counts()).isEqualTo(Map.of("email", 1600L));
    assertThat(results.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct()).hasSize(1);
  }
}
