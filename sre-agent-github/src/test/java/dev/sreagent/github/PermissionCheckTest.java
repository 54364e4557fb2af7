package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PermissionCheckTest {
  Fixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void aFineGrainedTokenWithEveryPermissionPassesAndTheProbesCreateNothing() {
    f = Fixture.fineGrained();
    f.host();
    assertThat(f.github.requests()).containsExactly(
        "GET /repos/acme/payments",
        "POST /repos/acme/payments/git/refs",
        "POST /repos/acme/payments/pulls",
        "POST /repos/acme/payments/issues");
    assertThat(f.github.refs()).containsOnlyKeys("refs/heads/main", "refs/tags/v1.0");
    assertThat(f.github.pulls()).isEmpty();
    assertThat(f.github.issuesOnly()).isEmpty();
  }

  @Test
  void aFineGrainedTokenMissingPermissionsFailsNamingEachOne() {
    f = Fixture.fineGrained(Map.of("contents", "write", "pull_requests", "read", "metadata", "read"));
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The fine-grained personal access token (the token in secret 'github-token') lacks the permissions "
            + "Pull requests: Read and write, Issues: Read and write on acme/payments: edit the token (Settings → Developer "
            + "settings → Fine-grained tokens), grant them for this repository, and save");
  }

  @Test
  void aFineGrainedTokenMissingContentsWrite() {
    f = Fixture.fineGrained(Map.of("contents", "read", "pull_requests", "write", "issues", "write", "metadata", "read"));
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The fine-grained personal access token (the token in secret 'github-token') lacks the permission "
            + "Contents: Read and write on acme/payments: edit the token (Settings → Developer settings → Fine-grained "
            + "tokens), grant it for this repository, and save");
  }

  @Test
  void theCheckCanBeTurnedOff() {
    f = Fixture.fineGrained(Map.of("contents", "read", "metadata", "read")).with(GitHubConfig.VERIFY_PERMISSIONS, "false");
    f.host();
    assertThat(f.github.requests()).isEmpty();
  }

  @Test
  void aClassicTokenWithOnlyTheRepoScopeIsAcceptedWithAWarningToPreferFineGrained() {
    f = Fixture.classic("repo");
    String log;
    try (LogCapture capture = new LogCapture()) {
      f.host();
      log = capture.text();
    }
    assertThat(log).contains("WARN dev.sreagent.github.internal.PermissionCheck - The classic personal access token (the "
        + "token in secret 'github-token') reaches every repository its user can: prefer a fine-grained token limited to "
        + "acme/payments or a GitHub App (docs/providers/github.md)");
    assertThat(f.github.requests()).containsExactly("GET /repos/acme/payments");
  }

  @Test
  void aClassicTokenWithBroaderScopesIsWarnedAbout() {
    f = Fixture.classic("repo", "workflow", "admin:org", "delete_repo");
    String log;
    try (LogCapture capture = new LogCapture()) {
      f.host();
      log = capture.text();
    }
    assertThat(log).contains("WARN dev.sreagent.github.internal.PermissionCheck - The classic personal access token (the "
        + "token in secret 'github-token') has scopes broader than sre-agent needs: admin:org, delete_repo, workflow. It needs "
        + "only repo. Prefer a fine-grained token limited to acme/payments or a GitHub App (docs/providers/github.md)");
  }

  @Test
  void aClassicTokenWithoutTheRepoScopeFails() {
    f = Fixture.classic("gist", "read:user");
    f.github.repositoryPrivate(false);
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The classic personal access token (the token in secret 'github-token') lacks the scope public_repo needed "
            + "to push branches and open pull requests and issues on acme/payments (it has: gist, read:user): create a "
            + "fine-grained token instead (see docs/providers/github.md), or add the scope");
  }

  @Test
  void aClassicTokenWhoseUserCannotPushFails() {
    f = Fixture.classic("repo");
    f.github.repositoryPushAccess(false);
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The user of the token in secret 'github-token' cannot push to acme/payments: give the user write access "
            + "to the repository");
  }

  @Test
  void aRepositoryTheTokenCannotSeeFails() {
    f = Fixture.classic("gist");
    assertThatThrownBy(() -> f.host())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Repository acme/payments was not found, or the token in secret 'github-token' cannot see it: check "
            + "sre-agent.github.repository and give the credential access to the repository");
  }
}
