package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PEM private keys: multi-line, JSON-escaped (GCP service account files), one line, split over lines. */
class PrivateKeyTest {
  private final SyntheticSecrets gen = new SyntheticSecrets(11);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "RSA", "EC", "OPENSSH", "ENCRYPTED", "DSA"})
  void multiLineKeyInAText(String type) {
    String pem = gen.pem(type, 8, "\n");
    String text = "ERROR could not load signing key\n" + pem + "\n\tat com.example.Keys.load(Keys.java:42)";
    RedactionSession session = DefaultRedactor.create().newSession();

    assertThat(session.redact(text)).isEqualTo(
        "ERROR could not load signing key\n<private-key:1>\n\tat com.example.Keys.load(Keys.java:42)");
    assertThat(session.counts()).containsEntry("private-key", 1L).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "RSA"})
  void gcpServiceAccountJsonWithEscapedNewlines(String type) {
    String id = gen.pick(SyntheticSecrets.HEX, 40);
    String json = "{\"type\":\"service_account\",\"project_id\":\"demo-123\",\"private_key_id\":\"" + id
        + "\",\"private_key\":\"" + gen.pem(type, 6, "\\n") + "\\n\",\"client_id\":\"1234\"}";
    String out = DefaultRedactor.create().newSession().redact(json);

    assertThat(out).isEqualTo("{\"type\":\"service_account\",\"project_id\":\"demo-123\",\"private_key_id\":\"<gcp-private-key-id:1>"
        + "\",\"private_key\":\"<private-key:1>\\n\",\"client_id\":\"1234\"}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "EC"})
  void oneLineKeyAndATruncatedKeyWithoutEnd(String type) {
    String oneLine = gen.pem(type, 4, " ");
    String truncated = gen.pem(type, 4, "\n");
    truncated = truncated.substring(0, truncated.indexOf("-----END"));
    RedactionSession session = DefaultRedactor.create().newSession();

    assertThat(session.redact("key=" + oneLine + " loaded")).isEqualTo("key=<private-key:1> loaded");
    assertThat(session.redact("dump: " + truncated)).isEqualTo("dump: <private-key:2>");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RSA", "OPENSSH"})
  void lineByLineEveryLineOfTheKeyIsReplacedAndTheCountKept(String type) {
    String pem = gen.pem(type, 5, "\n");
    List<String> in = new ArrayList<>();
    in.add("12:00:01 loading key");
    in.add("12:00:02 key: " + pem.lines().findFirst().orElseThrow());
    pem.lines().skip(1).forEach(in::add);
    in.add("12:00:03 loaded for user ops" + "@" + "example.com");
    LineRedactor lines = new LineRedactor(DefaultRedactor.create().newSession());

    List<String> out = in.stream().map(lines::redactLine).toList();

    assertThat(out).hasSameSizeAs(in);
    assertThat(out.get(0)).isEqualTo("12:00:01 loading key");
    assertThat(out.get(1)).isEqualTo("12:00:02 key: <private-key:1>");
    assertThat(out.subList(2, out.size() - 1)).allMatch(l -> l.equals("<private-key:1>"));
    assertThat(out.get(out.size() - 1)).isEqualTo("12:00:03 loaded for user <email:1>");
    assertThat(String.join("\n", out)).doesNotContain(pem.lines().skip(1).findFirst().orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RSA"})
  void lineByLineATruncatedKeyEndsAtTheFirstLineThatIsNotKeyMaterial(String type) {
    String pem = gen.pem(type, 3, "\n");
    List<String> in = new ArrayList<>(pem.lines().limit(3).toList());
    in.add("connection reset by peer");
    in.add(gen.pick(SyntheticSecrets.B64, 64));
    LineRedactor lines = new LineRedactor(DefaultRedactor.create().newSession());

    List<String> out = in.stream().map(lines::redactLine).toList();

    assertThat(out).containsExactly("<private-key:1>", "<private-key:1>", "<private-key:1>", "connection reset by peer",
        in.get(4));
  }
}
