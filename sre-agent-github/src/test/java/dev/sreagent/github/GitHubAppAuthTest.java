package dev.sreagent.github;

import static dev.sreagent.github.fake.FakeGitHub.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.ConfigurationException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubAppAuthTest {
  Fixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  @ParameterizedTest(name = "PKCS#1 key: {0}")
  @ValueSource(booleans = {true, false})
  void aJwtSignedWithTheAppKeyMintsARepositoryScopedInstallationToken(boolean pkcs1) throws Exception {
    f = Fixture.app(Fixture.ALL_WRITE, pkcs1);
    GitHubCodeHost host = f.host();

    assertThat(host.readFile("README.md", Optional.empty())).isPresent();
    assertThat(f.github.installationTokensIssued()).isEqualTo(1);
    List<String> requests = f.github.requests();
    assertThat(requests.subList(0, 3)).containsExactly("GET /app", "GET /repos/acme/payments/installation",
        "POST /app/installations/4242/access_tokens");

    assertThat(f.github.lastTokenRequest()).as("least privilege: one repository, four permissions").isEqualTo(
        new ObjectMapper().readTree("{\"repositories\":[\"payments\"],\"permissions\":{\"metadata\":\"read\",\"contents\":\"write\","
            + "\"pull_requests\":\"write\",\"issues\":\"write\"}}"));
    String jwt = f.github.authorizations().get(0).substring("Bearer ".length());
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    long now = f.clock.instant().getEpochSecond();
    assertThat(claims.path("iss").asLong()).isEqualTo(Fixture.APP_ID);
    assertThat(claims.path("iat").asLong()).isEqualTo(now - 60);
    assertThat(claims.path("exp").asLong()).isEqualTo(now + 540);
    assertThat(f.github.authorizations().subList(3, f.github.authorizations().size()))
        .allMatch(a -> a.startsWith("token ghs_"));
  }

  @Test
  void theInstallationTokenIsReusedThenRefreshedBeforeItExpires() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    f.github.installationTokenLifetime(Duration.ofHours(1));
    GitHubCodeHost host = f.host();
    host.listPaths(Optional.empty());
    assertThat(f.github.installationTokensIssued()).isEqualTo(1);

    f.clock.advance(Duration.ofMinutes(54));
    host.readFile("README.md", Optional.of("main"));
    assertThat(f.github.installationTokensIssued()).as("54 minutes in: still valid for more than the 5-minute margin").isEqualTo(1);

    f.clock.advance(Duration.ofMinutes(2));
    host.readFile("README.md", Optional.of("v1.0"));
    assertThat(f.github.installationTokensIssued()).as("56 minutes in: refreshed before expiry").isEqualTo(2);
    assertThat(f.github.requests()).filteredOn(request("POST", "/app/installations/4242/access_tokens")).hasSize(2);
    assertThat(f.github.requests()).filteredOn(request("GET", "/repos/acme/payments/installation")).as("the id is remembered")
        .hasSize(1);
    assertThat(f.github.requests()).filteredOn(request("GET", "/app/installations/4242")).hasSize(1);

    f.clock.advance(Duration.ofHours(2));
    assertThat(host.readFile("README.md", Optional.empty())).as("long idle: a fresh token, no 401").isPresent();
    assertThat(f.github.installationTokensIssued()).isEqualTo(3);
  }

  @Test
  void anInstallationMissingAPermissionFailsAtStartNamingIt() {
    f = Fixture.app(Map.of("contents", "write", "pull_requests", "read", "metadata", "read"), false);
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The GitHub App 123456 installation on acme/payments lacks the permissions Pull requests: Read and write "
            + "(has read), Issues: Read and write (has none): grant them in the App's settings (Permissions & events → "
            + "Repository permissions), then approve the updated permissions on the installation");
    assertThat(f.github.installationTokensIssued()).isZero();
  }

  @Test
  void aKeyThatIsNotPemIsAConfigurationErrorNamingTheSecretNotItsValue() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    f.secrets.put(Fixture.KEY_SECRET, "not a key");
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The secret 'github-app-key' named by sre-agent.github.app-private-key-secret is not a usable GitHub App "
            + "private key: it holds no PEM block 'BEGIN RSA PRIVATE KEY' or 'BEGIN PRIVATE KEY'. Store the .pem file GitHub "
            + "generated (App settings, 'Private keys') as the secret's value");
  }

  @Test
  void aWrongKeyIsRejectedByGitHubWithAClearMessage() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    f.secrets.put(Fixture.KEY_SECRET, dev.sreagent.github.fake.TestCredentials.pkcs8Pem(
        dev.sreagent.github.fake.TestCredentials.rsaKeyPair()));
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("GitHub rejected the credential (401) while authenticating as GitHub App 123456 on acme/payments: check "
            + "that the GitHub App 123456 (key in secret 'github-app-key') is valid and not expired or revoked "
            + "(GitHub said: A JSON web token could not be decoded)");
  }


  @Test
  void aRateLimitedTokenRequestCarriesTheWait() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    f.github.failBefore("POST", "/app/installations/4242/access_tokens", 429, Map.of("Retry-After", "30"),
        "{\"message\":\"You have exceeded a secondary rate limit.\"}");
    dev.sreagent.RetriableException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        dev.sreagent.RetriableException.class, () -> f.host());
    assertThat(e).hasMessage("GitHub secondary rate limit reached (HTTP 429) while creating an installation token on "
        + "acme/payments: retry after 30s");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(f.github.requests()).filteredOn(request("POST", "/app/installations/4242/access_tokens")).hasSize(1);
    assertThat(f.host().readFile("README.md", Optional.empty())).as("the next attempt works").isPresent();
  }

  @Test
  void aRefusedTokenRequestIsAConfigurationErrorAtStart() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    f.github.failBefore("POST", "/app/installations/4242/access_tokens", 422, Map.of(),
        "{\"message\":\"The permissions requested are not granted to this installation.\"}");
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("GitHub rejected creating an installation token on acme/payments (422) (GitHub said: The permissions "
            + "requested are not granted to this installation.)");
  }

  @Test
  void after401TheKeyIsReadAgainAndANewTokenMinted() {
    f = Fixture.app(Fixture.ALL_WRITE, true);
    GitHubCodeHost host = f.host();
    assertThat(f.github.installationTokensIssued()).isEqualTo(1);
    f.github.failBefore("GET", "/repos/acme/payments/git/refs/heads/main", 401, Map.of(), "{\"message\":\"Bad credentials\"}");
    assertThatThrownBy(() -> host.readFile("README.md", Optional.empty()))
        .isInstanceOf(dev.sreagent.NonRetriableException.class)
        .hasMessageStartingWith("GitHub rejected the credential (401) while reading README.md on acme/payments: check that "
            + "the GitHub App 123456 (key in secret 'github-app-key') is valid");
    assertThat(host.readFile("README.md", Optional.empty())).isPresent();
    assertThat(f.github.installationTokensIssued()).isEqualTo(2);
    assertThat(f.secrets.refreshes.get()).as("the key was read again, bypassing any cache").isEqualTo(1);
  }
}
