package dev.sreagent.github;

import static dev.sreagent.github.fake.FakeGitHub.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sreagent.RetriableException;
import dev.sreagent.github.fake.FakeGitHub.StallPoint;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A GitHub that stops answering fails the call after {@code request-timeout}, as a retriable error, without the
 * request being sent again; the next call works. The fake holds a stalled response until it is closed, so
 * without the timeout these calls would never return (the preemptive bound turns that into a failure). The
 * timeout is 1s, not less, and the client is warmed first, so that a normal answer on a loaded machine (two
 * cores shared by several builds) is not mistaken for a stall.
 */
class RequestTimeoutTest {
  static final String MAIN_REF = "/repos/acme/payments/git/refs/heads/main";
  static final String TOKENS = "/app/installations/\\d+/access_tokens";
  static final Duration BOUND = Duration.ofSeconds(10);

  Fixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  private static String timedOut(String action) {
    return "GitHub did not answer within 1s (sre-agent.github.request-timeout) while " + action
        + " on acme/payments: retry later, or raise sre-agent.github.request-timeout if GitHub is often this slow";
  }

  @ParameterizedTest(name = "stalled {0}")
  @EnumSource(StallPoint.class)
  void aStalledResponseFailsRetriablyOnceAndTheNextCallWorks(StallPoint point) {
    f = Fixture.fineGrained().with(GitHubConfig.VERIFY_PERMISSIONS, "false").with(GitHubConfig.REQUEST_TIMEOUT, "1s");
    GitHubCodeHost host = f.host();
    host.listPaths(Optional.empty()); // the repository is read and cached; the request under test is the ref
    f.github.clearRequests();
    f.github.stallNext("GET", MAIN_REF, point);

    RetriableException e = assertTimeoutPreemptively(BOUND,
        () -> catchThrowableOfType(RetriableException.class, () -> host.readFile("README.md", Optional.empty())));

    assertThat(e).as("a RetriableException").isNotNull();
    assertThat(e).hasMessage(timedOut("reading README.md"));
    assertThat(e.retryAfter()).as("GitHub named no wait").isEmpty();
    assertThat(f.github.requests()).as("one request, not resent").containsExactly("GET " + MAIN_REF);
    assertThat(assertTimeoutPreemptively(BOUND, () -> host.readFile("README.md", Optional.empty())))
        .as("the next call works").isPresent();
  }

  @Test
  void aStalledInstallationTokenRequestFailsRetriablyOnceAndTheNextCallMintsAgain() {
    f = Fixture.app(Fixture.ALL_WRITE, true).with(GitHubConfig.VERIFY_PERMISSIONS, "false")
        .with(GitHubConfig.REQUEST_TIMEOUT, "1s");
    GitHubCodeHost host = f.host();
    host.listPaths(Optional.empty()); // warm: the first token is minted and the repository read
    f.clock.advance(Duration.ofMinutes(56)); // the token is due for refresh, so the next call mints again
    f.github.clearRequests();
    f.github.stallNext("POST", TOKENS, StallPoint.BEFORE_HEADERS);

    RetriableException e = assertTimeoutPreemptively(BOUND,
        () -> catchThrowableOfType(RetriableException.class, () -> host.readFile("README.md", Optional.empty())));

    assertThat(e).as("a RetriableException").isNotNull();
    assertThat(e).hasMessage(timedOut("creating an installation token"));
    assertThat(f.github.requests()).filteredOn(request("POST", "/app/installations/4242/access_tokens")).as("not resent")
        .hasSize(1);
    assertThat(f.github.installationTokensIssued()).isEqualTo(1);
    assertThat(assertTimeoutPreemptively(BOUND, () -> host.readFile("README.md", Optional.empty())))
        .as("the next call mints a token and reads").isPresent();
    assertThat(f.github.installationTokensIssued()).isEqualTo(2);
  }
}
