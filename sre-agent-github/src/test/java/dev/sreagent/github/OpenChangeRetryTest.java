package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.RetriableException;
import dev.sreagent.github.fake.FakeGitHub;
import dev.sreagent.spi.ChangeRef;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GitHub performs each step of openChange, then the answer is lost (502): the process sees a failure after
 * the step happened. A retry must finish the change with exactly one branch, one commit and one pull request.
 */
class OpenChangeRetryTest {
  Fixture f = Fixture.fineGrained().with(GitHubConfig.REVIEWERS, "alice").with(GitHubConfig.VERIFY_PERMISSIONS, "false");

  @AfterEach
  void close() {
    f.close();
  }

  @ParameterizedTest(name = "crash after {0} {1}")
  @CsvSource({
      "POST, /repos/acme/payments/git/refs",
      "POST, /repos/acme/payments/git/blobs",
      "POST, /repos/acme/payments/git/trees",
      "POST, /repos/acme/payments/git/commits",
      "PATCH, /repos/acme/payments/git/refs/heads/sre-agent/.*",
      "POST, /repos/acme/payments/labels",
      "POST, /repos/acme/payments/pulls",
      "POST, /repos/acme/payments/pulls/\\d+/requested_reviewers",
      "POST, /repos/acme/payments/issues/\\d+/labels",
  })
  void aRetryAfterACrashAtAnyStepEndsWithOneBranchOneCommitOnePullRequest(String method, String path) {
    GitHubCodeHost host = f.host();
    String base = f.github.defaultHead();
    f.github.failAfter(method, path, 502);

    assertThatThrownBy(() -> host.openChange(GitHubCodeHostTest.change("crash-1")))
        .isInstanceOf(RetriableException.class)
        .hasMessageStartingWith("GitHub failed (502) while opening the draft pull request for change crash-1 on acme/payments: retry later");

    ChangeRef ref = f.host().openChange(GitHubCodeHostTest.change("crash-1"));
    ChangeRef again = f.host().openChange(GitHubCodeHostTest.change("crash-1"));

    Map<String, String> refs = f.github.refs();
    assertThat(refs.keySet()).filteredOn(r -> r.startsWith("refs/heads/")).containsExactlyInAnyOrder(
        "refs/heads/main", "refs/heads/sre-agent/crash-1");
    assertThat(f.github.commitsBetween(base, refs.get("refs/heads/sre-agent/crash-1"))).hasSize(1);
    assertThat(f.github.pulls()).hasSize(1);
    FakeGitHub.Issue pr = f.github.pulls().get(0);
    assertThat(pr.draft).isTrue();
    assertThat(pr.labels).containsExactly("sre-agent");
    assertThat(pr.reviewers).containsExactly("alice");
    assertThat(ref.commit()).isEqualTo(refs.get("refs/heads/sre-agent/crash-1"));
    assertThat(ref.id()).isEqualTo(Integer.toString(pr.number));
    assertThat(again).isEqualTo(ref.existing());
    boolean prExistedBeforeRetry = Set.of("/repos/acme/payments/pulls/\\d+/requested_reviewers",
        "/repos/acme/payments/issues/\\d+/labels").contains(path) || path.equals("/repos/acme/payments/pulls");
    assertThat(ref.created()).as("created by the retry").isEqualTo(!prExistedBeforeRetry);
  }
}
