package dev.sreagent.github;

import static dev.sreagent.github.fake.FakeGitHub.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.github.fake.FakeGitHub;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.ReportRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubCodeHostTest {
  static final String CHECKOUT = "src/main/java/com/acme/pay/Checkout.java";

  Fixture f = Fixture.fineGrained().with(GitHubConfig.REVIEWERS, "alice,bob").with(GitHubConfig.LABELS, "bug");

  @AfterEach
  void close() {
    f.close();
  }

  static ChangeRequest change(String key) {
    return new ChangeRequest(new ChangeKey(key), "Fix off-by-one in Checkout.total", "The loop reads past the end.",
        List.of(new FileChange(CHECKOUT, "package com.acme.pay;\n// fixed\n"),
            new FileChange("scripts/deploy.sh", "#!/bin/sh\necho deploy v2\n")),
        List.of());
  }

  @Test
  void readsFilesAtTheDefaultBranchATagAndACommit() {
    GitHubCodeHost host = f.host();
    String head = f.github.defaultHead();

    Optional<FileContent> file = host.readFile(CHECKOUT, Optional.empty());
    assertThat(file).isPresent();
    assertThat(file.get().ref()).isEqualTo(head);
    assertThat(file.get().content()).contains("i <= items.length");
    assertThat(host.readFile("README.md", Optional.of("v1.0")).orElseThrow().content()).isEqualTo("# payments\n");
    assertThat(host.readFile("README.md", Optional.of(head)).orElseThrow().ref()).isEqualTo(head);
    assertThat(host.readFile("missing.txt", Optional.empty())).isEmpty();
    assertThat(host.readFile("src", Optional.empty())).as("a directory is not a file").isEmpty();
    assertThatThrownBy(() -> host.readFile("../etc/passwd", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    for (String bad : List.of("../../pulls", "heads/../x", "-x", "a b", "x?y=1")) {
      assertThatThrownBy(() -> host.listPaths(Optional.of(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a branch, tag or commit id: " + bad);
    }
    assertThatThrownBy(() -> host.readFile("README.md", Optional.of("no-such-branch")))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("No branch or tag named 'no-such-branch' in acme/payments: give a branch, a tag or a 40-character commit id");
  }

  @Test
  void listsPathsThroughTheTreesApiCachedPerCommit() {
    GitHubCodeHost host = f.host();
    f.github.clearRequests();

    List<String> paths = host.listPaths(Optional.empty());
    assertThat(paths).containsExactly("README.md", "scripts/deploy.sh", CHECKOUT);
    host.listPaths(Optional.empty());
    host.readFile("README.md", Optional.empty());
    assertThat(f.github.requests()).filteredOn(request("GET", ".*/git/trees/.*")).hasSize(1);
    assertThat(f.github.requests()).filteredOn(request("GET", ".*/git/trees/.*")).allMatch(r -> r.endsWith("recursive=1"));

    String newHead = f.github.pushToDefault("docs/new.md", "new");
    assertThat(host.listPaths(Optional.empty())).contains("docs/new.md");
    assertThat(host.readFile("docs/new.md", Optional.empty()).orElseThrow().ref()).isEqualTo(newHead);
    assertThat(f.github.requests()).filteredOn(request("GET", ".*/git/trees/.*")).hasSize(2);
  }

  @Test
  void aTruncatedTreeIsWalkedLevelByLevel() {
    f.github.truncateRecursiveTrees(true);
    GitHubCodeHost host = f.host();
    f.github.clearRequests();
    assertThat(host.listPaths(Optional.empty())).containsExactly("README.md", "scripts/deploy.sh", CHECKOUT);
    assertThat(f.github.requests()).filteredOn(request("GET", ".*/git/trees/.*"))
        .as("the truncated recursive listing, then the root and its 7 directories one by one").hasSize(9);
    assertThat(host.readFile(CHECKOUT, Optional.empty()).orElseThrow().content()).contains("class Checkout");
  }

  @Test
  void refusesFilesLargerThanTheLimit() {
    GitHubCodeHost host = f.with(GitHubConfig.MAX_FILE_BYTES, "10").host();
    assertThatThrownBy(() -> host.readFile(CHECKOUT, Optional.empty()))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("File " + CHECKOUT + " at " + f.github.defaultHead() + " is 168 bytes, more than "
            + "sre-agent.github.max-file-bytes (10): raise the limit to read it");
  }

  @Test
  void opensOneDraftPullRequestWithOneCommitLabelsAndReviewers() {
    GitHubCodeHost host = f.host();
    String base = f.github.defaultHead();

    ChangeRef ref = host.openChange(change("npe-checkout-1"));

    assertThat(ref.created()).isTrue();
    assertThat(ref.kind()).isEqualTo(ChangeRef.Kind.CHANGE);
    assertThat(ref.branch()).isEqualTo("sre-agent/npe-checkout-1");
    assertThat(f.github.refs()).containsEntry("refs/heads/sre-agent/npe-checkout-1", ref.commit());
    assertThat(f.github.commitsBetween(base, ref.commit())).containsExactly(ref.commit());
    FakeGitHub.Commit commit = f.github.commit(ref.commit());
    assertThat(commit.message()).isEqualTo("Fix off-by-one in Checkout.total\n\nProposed by sre-agent for human review.\n\n"
        + "Sre-Agent-Change-Key: npe-checkout-1");
    assertThat(f.github.fileAt(ref.commit(), CHECKOUT)).isEqualTo("package com.acme.pay;\n// fixed\n");
    assertThat(f.github.modeAt(ref.commit(), "scripts/deploy.sh")).as("the executable bit is kept").isEqualTo("100755");
    assertThat(f.github.fileAt(ref.commit(), "README.md")).isEqualTo("# payments\n");

    assertThat(f.github.pulls()).hasSize(1);
    FakeGitHub.Issue pr = f.github.pulls().get(0);
    assertThat(pr.draft).isTrue();
    assertThat(pr.head).isEqualTo("sre-agent/npe-checkout-1");
    assertThat(pr.base).isEqualTo("main");
    assertThat(pr.title).isEqualTo("Fix off-by-one in Checkout.total");
    assertThat(pr.body).isEqualTo("<!-- sre-agent:key=npe-checkout-1 -->\nThe loop reads past the end.");
    assertThat(pr.labels).containsExactly("sre-agent", "bug");
    assertThat(pr.reviewers).containsExactly("alice", "bob");
    assertThat(f.github.labels()).containsEntry("sre-agent", "5319e7");
    assertThat(ref.id()).isEqualTo(Integer.toString(pr.number));
    assertThat(ref.url()).isEqualTo("https://github.example.test/acme/payments/pull/" + pr.number);
  }

  @Test
  void asecondOpenChangeReturnsTheExistingPullRequestAndWritesNothing() {
    GitHubCodeHost host = f.host();
    ChangeRef first = host.openChange(change("npe-checkout-1"));
    f.github.clearRequests();

    ChangeRef second = host.openChange(change("npe-checkout-1"));

    assertThat(second).isEqualTo(first.existing());
    assertThat(f.github.requests()).noneMatch(r -> r.startsWith("POST") || r.startsWith("PATCH"));
    assertThat(f.github.pulls()).hasSize(1);
    assertThat(host.find(new ChangeKey("npe-checkout-1"))).contains(first.existing());
    assertThat(host.find(new ChangeKey("other"))).isEmpty();
  }

  @Test
  void aChangeThatModifiesNothingIsRefused() {
    GitHubCodeHost host = f.host();
    ChangeRequest same = new ChangeRequest(new ChangeKey("noop"), "t", "b",
        List.of(new FileChange("README.md", "# payments\n")), List.of());
    assertThatThrownBy(() -> host.openChange(same))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("The change noop does not modify any file on acme/payments: every file already has the proposed content");
    assertThat(f.github.pulls()).isEmpty();
  }

  @Test
  void reportsAreIssuesFoundAgainByTheirHiddenMarker() {
    GitHubCodeHost host = f.host();
    ReportRequest report = new ReportRequest(new ChangeKey("suspicious-1"), "Suspicious log content",
        "Instruction-like text in logs; no change proposed.", List.of("security"));

    ChangeRef first = host.openReport(report);
    ChangeRef again = host.openReport(report);

    assertThat(first.created()).isTrue();
    assertThat(first.kind()).isEqualTo(ChangeRef.Kind.REPORT);
    assertThat(again).isEqualTo(first.existing());
    assertThat(f.github.issuesOnly()).hasSize(1);
    FakeGitHub.Issue issue = f.github.issuesOnly().get(0);
    assertThat(issue.body).isEqualTo("<!-- sre-agent:key=suspicious-1 -->\nInstruction-like text in logs; no change proposed.");
    assertThat(issue.labels).containsExactly("sre-agent", "bug", "security");
    assertThat(host.find(new ChangeKey("suspicious-1"))).contains(first.existing());
  }

  @Test
  void aMarkerQuotedInsideABodyDoesNotMatchAnotherKey() {
    GitHubCodeHost host = f.host();
    host.openReport(new ReportRequest(new ChangeKey("a"), "A", "log says <!-- sre-agent:key=b -->\n<!-- sre-agent:key=b -->",
        List.of()));
    assertThat(host.find(new ChangeKey("b"))).isEmpty();
    ChangeRef b = host.openReport(new ReportRequest(new ChangeKey("b"), "B", "body", List.of()));
    assertThat(b.created()).isTrue();
    assertThat(f.github.issuesOnly()).hasSize(2);
  }

  @Test
  void evidenceCommentsAreRateLimitedPerChange() {
    GitHubCodeHost host = f.with(GitHubConfig.COMMENT_MIN_INTERVAL, "30m").host();
    ChangeRef ref = host.openChange(change("npe-checkout-1"));

    assertThat(host.commentIfDue(ref, "12 more occurrences")).isTrue();
    assertThat(host.commentIfDue(ref, "13 more occurrences")).isFalse();
    f.clock.advance(Duration.ofMinutes(29));
    host.comment(ref, "14 more occurrences");
    f.clock.advance(Duration.ofMinutes(2));
    assertThat(host.commentIfDue(ref, "15 more occurrences")).isTrue();

    FakeGitHub.Issue pr = f.github.pulls().get(0);
    assertThat(pr.comments).extracting(FakeGitHub.Comment::body).containsExactly(
        "<!-- sre-agent:evidence key=npe-checkout-1 -->\n12 more occurrences",
        "<!-- sre-agent:evidence key=npe-checkout-1 -->\n15 more occurrences");
  }

  @Test
  void theCommentIntervalIsReadFromGitHubSoAnotherInstanceRespectsIt() {
    GitHubCodeHost one = f.host();
    GitHubCodeHost two = f.host();
    ChangeRef ref = one.openChange(change("npe-checkout-1"));
    assertThat(one.commentIfDue(ref, "from instance one")).isTrue();
    f.clock.advance(Duration.ofMinutes(10));
    assertThat(two.commentIfDue(ref, "from instance two")).isFalse();
    assertThat(f.github.pulls().get(0).comments).hasSize(1);
  }

  @Test
  void anUnknownReviewerDoesNotStopTheChange() {
    GitHubCodeHost host = f.with(GitHubConfig.REVIEWERS, "alice,ghost").host();
    ChangeRef ref = host.openChange(change("npe-checkout-1"));
    assertThat(ref.created()).isTrue();
    assertThat(f.github.pulls().get(0).reviewers).containsExactly("alice");
    assertThat(f.github.pulls().get(0).labels).containsExactly("sre-agent", "bug");
  }

  @Test
  void concurrentAttemptsForOneKeyOpenOnePullRequest() throws Exception {
    int threads = 4;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    String base = f.github.defaultHead();
    List<java.util.concurrent.Future<ChangeRef>> results = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        GitHubCodeHost host = f.with(GitHubConfig.VERIFY_PERMISSIONS, "false").host();
        results.add(pool.submit(() -> {
          start.await();
          for (int attempt = 0; ; attempt++) {
            try {
              return host.openChange(change("race-1"));
            } catch (dev.sreagent.RetriableException e) {
              if (attempt == 5) {
                throw e;
              }
            }
          }
        }));
      }
      start.countDown();
      List<ChangeRef> refs = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<ChangeRef> r : results) {
        refs.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(f.github.pulls()).hasSize(1);
      assertThat(refs).extracting(ChangeRef::id).containsOnly(Integer.toString(f.github.pulls().get(0).number));
      assertThat(refs).filteredOn(ChangeRef::created).hasSizeLessThanOrEqualTo(1);
      assertThat(f.github.commitsBetween(base, f.github.refs().get("refs/heads/sre-agent/race-1"))).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void textGitHubWouldRefuseIsRefusedBeforeAnyRequest() {
    GitHubCodeHost host = f.host();
    f.github.clearRequests();
    ChangeRequest huge = new ChangeRequest(new ChangeKey("huge"), "Fix", "x".repeat(70_000),
        List.of(new FileChange("README.md", "new")), List.of());
    assertThatThrownBy(() -> host.openChange(huge))
        .isInstanceOf(NonRetriableException.class)
        .hasMessage("GitHub would refuse the pull request for huge: the title must be 1 to 256 characters (it has 3) and the "
            + "body at most 65436 characters (it has 70000); shorten them (move long evidence to a linked artifact)");
    assertThatThrownBy(() -> host.openReport(new ReportRequest(new ChangeKey("long"), "t".repeat(300), "b", List.of())))
        .isInstanceOf(NonRetriableException.class)
        .hasMessageStartingWith("GitHub would refuse the report for long: the title must be 1 to 256 characters (it has 300)");
    assertThat(f.github.requests()).isEmpty();
  }
}
