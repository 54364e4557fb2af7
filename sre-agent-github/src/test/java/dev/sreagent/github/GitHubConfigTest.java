package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitHubConfigTest {
  static GitHubConfig read(Map<String, String> values) {
    return GitHubConfig.read(ConfigProperties.builder().putAll(values).build());
  }

  @Test
  void defaultsWithAFineGrainedToken() {
    GitHubConfig c = read(Map.of("sre-agent.github.repository", "acme/payments", "sre-agent.github.token-secret", "gh-token"));
    assertThat(c.owner()).isEqualTo("acme");
    assertThat(c.repository()).isEqualTo("payments");
    assertThat(c.fullName()).isEqualTo("acme/payments");
    assertThat(c.baseUrl()).isEqualTo(URI.create("https://api.github.com"));
    assertThat(c.auth()).isEqualTo(GitHubConfig.AuthMode.TOKEN);
    assertThat(c.tokenSecret()).contains("gh-token");
    assertThat(c.commentMinInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(c.verifyPermissions()).isTrue();
    assertThat(c.maxFileBytes()).isEqualTo(1 << 20);
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.allLabels()).containsExactly("sre-agent");
  }

  @Test
  void theRequestTimeoutIsADuration() {
    GitHubConfig c = read(Map.of("sre-agent.github.repository", "acme/payments", "sre-agent.github.token-secret", "gh-token",
        "sre-agent.github.request-timeout", "300ms"));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anAppIdMeansAppAuthAndGitHubEnterpriseHasItsOwnBaseUrl() {
    GitHubConfig c = read(Map.of("sre-agent.github.repository", "acme/payments", "sre-agent.github.app-id", "99",
        "sre-agent.github.app-private-key-secret", "gh-app-key", "sre-agent.github.token-secret", "unused",
        "sre-agent.github.base-url", "https://ghe.acme.test/api/v3/", "sre-agent.github.reviewers", "alice, bob",
        "sre-agent.github.labels", "bug,sre-agent,prod"));
    assertThat(c.auth()).isEqualTo(GitHubConfig.AuthMode.APP);
    assertThat(c.appId()).contains(99L);
    assertThat(c.appInstallationId()).isEmpty();
    assertThat(c.baseUrl()).isEqualTo(URI.create("https://ghe.acme.test/api/v3"));
    assertThat(c.reviewers()).containsExactly("alice", "bob");
    assertThat(c.allLabels()).containsExactly("sre-agent", "bug", "prod");
  }

  @Test
  void everyBadKeyIsReportedAtOnce() {
    assertThatThrownBy(() -> read(Map.of(
        "sre-agent.github.repository", "acme",
        "sre-agent.github.auth", "password",
        "sre-agent.github.app-id", "abc",
        "sre-agent.github.reviewers", "alice,not a login",
        "sre-agent.github.comment-min-interval", "0s",
        "sre-agent.github.max-file-bytes", "-1",
        "sre-agent.github.request-timeout", "0s",
        "sre-agent.github.tokn-secret", "typo")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.github (9 problems): "
            + "Unknown key sre-agent.github.tokn-secret: the GitHub code host reads sre-agent.github.app-id, "
            + "sre-agent.github.app-installation-id, sre-agent.github.app-private-key-secret, sre-agent.github.auth, "
            + "sre-agent.github.base-url, sre-agent.github.comment-min-interval, sre-agent.github.connect-timeout, "
            + "sre-agent.github.labels, sre-agent.github.max-file-bytes, sre-agent.github.repository, "
            + "sre-agent.github.request-timeout, sre-agent.github.reviewers, sre-agent.github.token-secret, "
            + "sre-agent.github.verify-permissions; "
            + "Invalid value 'acme' for sre-agent.github.repository: expected owner/name, such as acme/payments; "
            + "Invalid value 'password' for sre-agent.github.auth: expected one of auto, app, token; "
            + "Invalid value 'abc' for sre-agent.github.app-id: expected the GitHub App's numeric id (App settings, 'App ID'); "
            + "No GitHub credential configured: set sre-agent.github.app-id and sre-agent.github.app-private-key-secret for a "
            + "GitHub App (preferred), or sre-agent.github.token-secret to the name of the secret holding a fine-grained "
            + "personal access token; "
            + "Invalid value 'not a login' in sre-agent.github.reviewers: expected GitHub logins separated by commas; "
            + "Invalid value '0s' for sre-agent.github.comment-min-interval: expected a positive duration such as 30s; "
            + "Invalid value '-1' for sre-agent.github.max-file-bytes: expected a whole number from 1 to 104857600; "
            + "Invalid value '0s' for sre-agent.github.request-timeout: expected a positive duration such as 30s");
  }

  @Test
  void appAuthNeedsBothTheIdAndTheKeySecret() {
    assertThatThrownBy(() -> read(Map.of("sre-agent.github.repository", "acme/payments", "sre-agent.github.auth", "app")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.github (2 problems): Missing required configuration "
            + "sre-agent.github.app-id: set it to the GitHub App's numeric id (or the environment variable "
            + "SRE_AGENT_GITHUB_APP_ID); Missing required configuration sre-agent.github.app-private-key-secret: set it to "
            + "the name of the secret holding the GitHub App's private key (or the environment variable "
            + "SRE_AGENT_GITHUB_APP_PRIVATE_KEY_SECRET)");
  }

  @Test
  void aMissingRepositoryNamesTheKeyAndTheEnvironmentVariable() {
    assertThatThrownBy(() -> read(Map.of("sre-agent.github.token-secret", "t")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Missing required configuration sre-agent.github.repository: set it to the repository as owner/name, "
            + "such as acme/payments (or the environment variable SRE_AGENT_GITHUB_REPOSITORY)");
  }

  @Test
  void productionModeRefusesPlainHttpExceptToLoopback() {
    assertThatThrownBy(() -> read(Map.of("sre-agent.mode", "production", "sre-agent.github.repository", "acme/payments",
        "sre-agent.github.token-secret", "t", "sre-agent.github.base-url", "http://ghe.acme.test/api/v3")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Plain-http endpoint http://ghe.acme.test/api/v3 for sre-agent.github.base-url is refused in production "
            + "mode (sre-agent.mode=production): use https://ghe.acme.test/api/v3 (plain http is allowed only to loopback)");
    assertThat(read(Map.of("sre-agent.mode", "production", "sre-agent.github.repository", "acme/payments",
        "sre-agent.github.token-secret", "t", "sre-agent.github.base-url", "http://127.0.0.1:8080/api/v3")).baseUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8080/api/v3"));
  }

  @Test
  void theEnvironmentSetsKeysToo() {
    GitHubConfig c = GitHubConfig.read(ConfigProperties.builder().withEnvironment(Map.of(
        "SRE_AGENT_GITHUB_REPOSITORY", "acme/payments", "SRE_AGENT_GITHUB_TOKEN_SECRET", "gh-token")).build());
    assertThat(c.tokenSecret()).contains("gh-token");
  }

  @Test
  void theRecordHoldsSecretNamesOnly() {
    GitHubConfig c = new GitHubConfig("acme", "payments", URI.create("https://api.github.com"), GitHubConfig.AuthMode.TOKEN,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("gh-token"), List.of(), List.of(),
        Duration.ofHours(1), true, 100, Duration.ofSeconds(5), Duration.ofSeconds(30));
    assertThat(c.toString()).contains("tokenSecret=Optional[gh-token]");
    assertThatThrownBy(() -> new GitHubConfig("acme", "payments", URI.create("https://api.github.com"),
        GitHubConfig.AuthMode.AUTO, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        List.of(), Duration.ofHours(1), true, 100, Duration.ofSeconds(5), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
