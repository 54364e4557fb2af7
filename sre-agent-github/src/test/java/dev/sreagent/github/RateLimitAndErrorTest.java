package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits fail at once with GitHub's wait and without resending; other failures map to the core's exceptions. */
class RateLimitAndErrorTest {
  static final String MAIN_REF = "/repos/acme/payments/git/refs/heads/main";
  static final String LIMITED = "{\"message\":\"API rate limit exceeded for installation ID 4242.\"}";
  static final String SECONDARY = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}";

  Fixture f = Fixture.fineGrained().with(GitHubConfig.VERIFY_PERMISSIONS, "false");
  GitHubCodeHost host;

  @BeforeEach
  void warm() {
    host = f.host();
    host.listPaths(Optional.empty()); // the repository is read and cached; later requests are the ones under test
    f.github.clearRequests();
  }

  @AfterEach
  void close() {
    f.close();
  }

  private RetriableException limited(int status, Map<String, String> headers, String body) {
    f.github.failBefore("GET", MAIN_REF, status, headers, body);
    RetriableException e = catchThrowableOfType(RetriableException.class, () -> host.readFile("README.md", Optional.empty()));
    assertThat(e).as("a RetriableException").isNotNull();
    assertThat(f.github.requests()).as("one request, not resent").containsExactly("GET " + MAIN_REF);
    return e;
  }

  @Test
  void primaryLimitWaitsUntilTheReset() {
    long reset = f.clock.instant().plusSeconds(1234).getEpochSecond();
    RetriableException e = limited(403, Map.of("X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset", Long.toString(reset)), LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1234));
    assertThat(e).hasMessage("GitHub primary rate limit reached (HTTP 403) while reading README.md on acme/payments: retry after 1234s");
  }

  @Test
  void primaryLimitAnsweredWith429AlsoWaitsUntilTheReset() {
    long reset = f.clock.instant().plusSeconds(90).getEpochSecond();
    RetriableException e = limited(429, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", Long.toString(reset)), LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
    assertThat(e).hasMessage("GitHub primary rate limit reached (HTTP 429) while reading README.md on acme/payments: retry after 90s");
  }

  @Test
  void secondaryLimitWaitsForRetryAfter() {
    RetriableException e = limited(403, Map.of("Retry-After", "37", "X-RateLimit-Remaining", "4000"), SECONDARY);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(37));
    assertThat(e).hasMessage("GitHub secondary rate limit reached (HTTP 403) while reading README.md on acme/payments: retry after 37s");
  }

  @Test
  void secondaryLimitWithAnHttpDateRetryAfter() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(f.clock.instant().plusSeconds(120).atZone(ZoneOffset.UTC));
    RetriableException e = limited(429, Map.of("Retry-After", date), SECONDARY);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void secondaryLimitWithoutRetryAfterWaitsOneMinute() {
    RetriableException e = limited(429, Map.of("X-RateLimit-Remaining", "4000"), SECONDARY);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
    assertThat(e).hasMessage("GitHub secondary rate limit reached (HTTP 429) while reading README.md on acme/payments: retry after 60s");
  }

  @Test
  void afterTheLimitTheNextCallWorks() {
    limited(429, Map.of("Retry-After", "5"), SECONDARY);
    assertThat(host.readFile("README.md", Optional.empty())).isPresent();
  }

  @Test
  void aServerErrorIsRetriable() {
    f.github.failBefore("GET", MAIN_REF, 503, Map.of(), "{\"message\":\"Service Unavailable\"}");
    assertThatThrownBy(() -> host.readFile("README.md", Optional.empty()))
        .isInstanceOf(RetriableException.class)
        .hasMessage("GitHub failed (503) while reading README.md on acme/payments: retry later (GitHub said: Service Unavailable)");
    assertThat(f.github.requests()).containsExactly("GET " + MAIN_REF);
  }

  @Test
  void a401IsNotRetriableAndTheTokenIsReadAgainFromTheSecretStore() {
    f.github.failBefore("GET", MAIN_REF, 401, Map.of(), "{\"message\":\"Bad credentials\"}");
    assertThatThrownBy(() -> host.readFile("README.md", Optional.empty()))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("GitHub rejected the credential (401) while reading README.md on acme/payments: check that the token in "
            + "secret 'github-token' is valid and not expired or revoked (GitHub said: Bad credentials)");
    assertThat(f.secrets.refreshes.get()).isZero();
    assertThat(host.readFile("README.md", Optional.empty())).isPresent();
    assertThat(f.secrets.refreshes.get()).as("the rotated secret is read again").isEqualTo(1);
  }

  @Test
  void a403NamesThePermissionGitHubAskedFor() {
    f.github.failBefore("GET", MAIN_REF, 403, Map.of("X-Accepted-GitHub-Permissions", "contents=read"),
        "{\"message\":\"Resource not accessible by personal access token\"}");
    assertThatThrownBy(() -> host.readFile("README.md", Optional.empty()))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("GitHub denied reading README.md on acme/payments (403): the credential lacks the permission GitHub requires "
            + "here (contents=read); grant it and retry (GitHub said: Resource not accessible by personal access token)");
  }

  @Test
  void anUnreachableServerIsRetriable() {
    f.close();
    assertThatThrownBy(() -> host.readFile("README.md", Optional.empty()))
        .isInstanceOf(RetriableException.class)
        .hasMessage("Could not reach GitHub while reading README.md on acme/payments (ConnectException): retry later");
  }
}
