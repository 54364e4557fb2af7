package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.ConfigurationException;
import dev.sreagent.github.fake.TestCredentials;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ReportRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens, JWTs and private keys never appear in logs (any level), exception messages and traces, or toString(). */
class SecretHygieneTest {
  private final StringBuilder seen = new StringBuilder();

  private void attempt(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.append(trace).append('\n');
    }
  }

  private void exercise(Fixture f) {
    GitHubCodeHost host = f.host();
    seen.append(host).append('\n').append(host.config()).append('\n').append(f.secrets).append('\n');
    host.readFile("README.md", Optional.empty());
    ChangeRef ref = host.openChange(GitHubCodeHostTest.change("hygiene-1"));
    host.openReport(new ReportRequest(new ChangeKey("hygiene-2"), "t", "b", List.of()));
    host.comment(ref, "evidence");
    seen.append(ref).append('\n');
    String path = "/repos/acme/payments/git/refs/heads/main";
    f.github.failBefore("GET", path, 401, Map.of(), "{\"message\":\"Bad credentials\"}");
    attempt(() -> host.readFile("README.md", Optional.empty()));
    f.github.failBefore("GET", path, 403, Map.of("X-Accepted-GitHub-Permissions", "contents=read"), "{\"message\":\"denied\"}");
    attempt(() -> host.readFile("README.md", Optional.empty()));
    f.github.failBefore("GET", path, 500, Map.of(), "{\"message\":\"boom\"}");
    attempt(() -> host.readFile("README.md", Optional.empty()));
    f.github.failBefore("GET", path, 429, Map.of("Retry-After", "3"), "{\"message\":\"slow down\"}");
    attempt(() -> host.readFile("README.md", Optional.empty()));
    f.github.failBefore("GET", path, 422, Map.of(), "{\"message\":\"Validation Failed\"}");
    attempt(() -> host.readFile("README.md", Optional.empty()));
    f.clock.advance(Duration.ofHours(2));
    host.readFile("README.md", Optional.empty());
  }

  private List<String> secretsOf(Fixture f) {
    List<String> values = new ArrayList<>();
    if (!f.token.isEmpty()) {
      values.add(f.token);
    }
    for (String auth : f.github.authorizations()) {
      values.add(auth.substring(auth.indexOf(' ') + 1)); // installation tokens and JWTs as sent
    }
    if (f.appKey != null) {
      String pem = TestCredentials.pkcs8Pem(f.appKey);
      values.add(pem.split("\n")[3]); // a line of the key's body
      values.add(TestCredentials.pkcs1Pem(f.appKey).split("\n")[3]);
    }
    return values;
  }

  @Test
  void noCredentialValueLeaksInAnyFlow() {
    List<String> secretValues = new ArrayList<>();
    String logs;
    try (LogCapture capture = new LogCapture()) {
      try (Fixture f = Fixture.fineGrained()) {
        exercise(f);
        secretValues.addAll(secretsOf(f));
      }
      try (Fixture f = Fixture.classic("repo", "workflow")) {
        exercise(f);
        secretValues.addAll(secretsOf(f));
      }
      try (Fixture f = Fixture.app(Fixture.ALL_WRITE, true)) {
        exercise(f);
        secretValues.addAll(secretsOf(f));
      }
      try (Fixture f = Fixture.app(Map.of("contents", "read"), false)) {
        attempt(f::host);
        secretValues.addAll(secretsOf(f));
      }
      try (Fixture f = Fixture.fineGrained(Map.of("contents", "read"))) {
        attempt(f::host);
        secretValues.addAll(secretsOf(f));
      }
      logs = capture.text();
    }
    String everything = logs + seen;
    assertThat(secretValues).as("the flows did send credentials").hasSizeGreaterThan(20);
    assertThat(everything).as("the flows did log and fail").contains("Opened draft pull request", "(401)", "(403)", "(500)",
        "rate limit", "lacks the permission");
    for (String secret : secretValues) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  @Test
  void anEmptyTokenSecretIsAConfigurationErrorNamingTheSecret() {
    try (Fixture f = Fixture.fineGrained()) {
      f.secrets.put(Fixture.TOKEN_SECRET, "  \n");
      org.assertj.core.api.Assertions.assertThatThrownBy(f::host)
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("The secret 'github-token' named by sre-agent.github.token-secret is empty: store the personal access "
              + "token in it");
    }
  }
}
