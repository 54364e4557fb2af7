package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.ReportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGitCodeHostTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
  @TempDir Path repo;

  static String git(Path repo, String... args) {
    try {
      List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=dev", "-c", "user.email=dev@localhost", "-c", "commit.gpgsign=false",
          "-c", "init.defaultBranch=main"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void init() throws IOException {
    git(repo, "init", "-q");
    Files.createDirectories(repo.resolve("src"));
    Files.writeString(repo.resolve("src/App.java"), "class App { int v = 1; }\n");
    Files.writeString(repo.resolve("run.sh"), "#!/bin/sh\necho old\n");
    Files.setPosixFilePermissions(repo.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
  }

  private LocalGitCodeHost host() {
    return LocalGitCodeHost.open(repo, null, "git", Duration.ofSeconds(30), CLOCK);
  }

  private static ChangeRequest change(String key, FileChange... files) {
    return new ChangeRequest(new ChangeKey(key), "Fix: App \"v\" off by one", "Body line 1\n\nRequires human review.", List.of(files),
        List.of("sre-agent", "bug"));
  }

  @Test
  void neverTouchesTheCheckedOutWorkingTreeIndexOrHead() throws IOException {
    Files.writeString(repo.resolve("src/App.java"), "class App { int v = 99; } // local edit\n");
    Files.writeString(repo.resolve("notes.txt"), "untracked\n");
    Files.writeString(repo.resolve("run.sh"), "#!/bin/sh\necho staged\n");
    git(repo, "add", "run.sh");
    String status = git(repo, "status", "--porcelain");
    String staged = git(repo, "diff", "--cached");
    String head = git(repo, "rev-parse", "HEAD");
    String branch = git(repo, "symbolic-ref", "HEAD");

    host().openChange(change("fix-1", new FileChange("src/App.java", "class App { int v = 2; }\n")));

    assertThat(git(repo, "status", "--porcelain")).isEqualTo(status);
    assertThat(git(repo, "diff", "--cached")).isEqualTo(staged);
    assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(head);
    assertThat(git(repo, "symbolic-ref", "HEAD")).isEqualTo(branch);
    assertThat(Files.readString(repo.resolve("src/App.java"))).isEqualTo("class App { int v = 99; } // local edit\n");
    assertThat(git(repo, "worktree", "list").lines()).hasSize(1);
  }

  @Test
  void makesOneCommitBySreAgentOnTopOfTheDefaultBranch() {
    String base = git(repo, "rev-parse", "main");
    ChangeRef ref = host().openChange(change("fix-2", new FileChange("src/App.java", "class App { int v = 2; }\n"),
        new FileChange("src/New.java", "class New {}\n")));
    assertThat(ref.branch()).isEqualTo("sre-agent/fix-2");
    assertThat(git(repo, "rev-parse", "sre-agent/fix-2")).isEqualTo(ref.commit());
    assertThat(git(repo, "rev-list", "--count", "main..sre-agent/fix-2")).isEqualTo("1");
    assertThat(git(repo, "rev-parse", ref.commit() + "^")).isEqualTo(base);
    assertThat(git(repo, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%at|%s", ref.commit()))
        .isEqualTo("sre-agent <sre-agent@localhost>|sre-agent <sre-agent@localhost>|1767323045|Fix: App \"v\" off by one");
    assertThat(git(repo, "diff", "--name-only", "main", ref.commit())).isEqualTo("src/App.java\nsrc/New.java");
    assertThat(git(repo, "show", ref.commit() + ":src/New.java")).isEqualTo("class New {}");
  }

  @Test
  void keepsTheExecutableBitOfAChangedScript() {
    ChangeRef ref = host().openChange(change("fix-3", new FileChange("run.sh", "#!/bin/sh\necho new\n")));
    assertThat(git(repo, "ls-tree", ref.commit(), "--", "run.sh")).startsWith("100755 blob ");
  }

  @Test
  void writesThePullRequestFileWithDraftAndLabels() throws IOException {
    LocalGitCodeHost h = host();
    ChangeRef ref = h.openChange(change("fix-4", new FileChange("src/App.java", "class App { int v = 2; }\n")));
    Path md = repo.resolve(".git/sre-agent/changes/fix-4.md");
    assertThat(ref.url()).isEqualTo(md.toUri().toString());
    assertThat(Files.readString(md)).isEqualTo("---\n"
        + "key: fix-4\n"
        + "title: \"Fix: App \\\"v\\\" off by one\"\n"
        + "draft: true\n"
        + "labels: [\"sre-agent\",\"bug\"]\n"
        + "branch: sre-agent/fix-4\n"
        + "base: main\n"
        + "commit: " + ref.commit() + "\n"
        + "created: 2026-01-02T03:04:05Z\n"
        + "---\n\n"
        + "Body line 1\n\nRequires human review.\n");
    h.comment(ref, "Seen 3 more times.");
    assertThat(Files.readString(md)).endsWith("Requires human review.\n\n---\n\n**Comment** (2026-01-02T03:04:05Z):\n\nSeen 3 more times.\n");
  }

  @Test
  void completesAChangeWhoseBranchExistsFromAnInterruptedAttempt() {
    LocalGitCodeHost h = host();
    String earlier = h.openChange(change("fix-5", new FileChange("src/App.java", "v2\n"))).commit();
    git(repo, "branch", "sre-agent/fix-6", earlier);
    ChangeRef ref = h.openChange(change("fix-6", new FileChange("src/App.java", "v3\n")));
    assertThat(ref.created()).isTrue();
    assertThat(ref.commit()).as("the existing branch's commit is reused, no second commit").isEqualTo(earlier);
    assertThat(h.openChange(change("fix-6", new FileChange("src/App.java", "v4\n"))).created()).isFalse();
  }

  @Test
  void aSecondHostInstanceFindsTheChange() {
    ChangeRef first = host().openChange(change("fix-7", new FileChange("src/App.java", "v2\n")));
    ChangeRef again = host().openChange(change("fix-7", new FileChange("src/App.java", "other\n")));
    assertThat(again).isEqualTo(first.existing());
    assertThat(git(repo, "branch", "--list", "sre-agent/*").lines()).hasSize(1);
  }

  @Test
  void reportsAreFilesAndCommentsNeedAnOpenOne() throws IOException {
    LocalGitCodeHost h = host();
    ChangeRef r = h.openReport(new ReportRequest(new ChangeKey("rep-1"), "Suspicious", "Report only.", List.of("sre-agent")));
    assertThat(Files.readString(repo.resolve(".git/sre-agent/reports/rep-1.md")))
        .isEqualTo("---\nkey: rep-1\ntitle: \"Suspicious\"\nlabels: [\"sre-agent\"]\ncreated: 2026-01-02T03:04:05Z\n---\n\nReport only.\n");
    assertThat(h.find(new ChangeKey("rep-1"))).contains(r.existing());
    ChangeRef ghost = new ChangeRef(new ChangeKey("nope"), ChangeRef.Kind.CHANGE, "nope", "", "", "", false);
    assertThatThrownBy(() -> h.comment(ghost, "x")).isInstanceOf(NonRetriableException.class)
        .hasMessage("No change with key nope in " + repo.toRealPath().resolve(".git/sre-agent") + ": open it before commenting");
  }

  @Test
  void readsAtRefsAndRejectsBadRefs() {
    LocalGitCodeHost h = host();
    ChangeRef ref = h.openChange(change("fix-8", new FileChange("src/New.java", "class New {}\n")));
    assertThat(h.listPaths(Optional.of(ref.branch()))).containsExactly("run.sh", "src/App.java", "src/New.java");
    assertThat(h.listPaths(Optional.empty())).containsExactly("run.sh", "src/App.java");
    assertThat(h.readFile("src/New.java", Optional.of(ref.commit()))).hasValueSatisfying(f -> {
      assertThat(f.content()).isEqualTo("class New {}\n");
      assertThat(f.ref()).isEqualTo(ref.commit());
    });
    assertThat(h.readFile("src", Optional.empty())).as("a directory is not a file").isEmpty();
    assertThatThrownBy(() -> h.readFile("src/App.java", Optional.of("no-such-branch"))).isInstanceOf(NonRetriableException.class)
        .hasMessage("Unknown ref 'no-such-branch' in repository " + repo);
    assertThatThrownBy(() -> h.readFile("src/App.java", Optional.of("--output=/tmp/x"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a safe git ref: --output=/tmp/x");
  }

  @Test
  void worksFromALinkedWorktreeAndKeepsChangesInTheCommonGitDir(@TempDir Path other) throws IOException {
    Path linked = other.resolve("wt");
    git(repo, "worktree", "add", "-q", "-b", "feature", linked.toString());
    LocalGitCodeHost h = LocalGitCodeHost.open(linked, null, "git", Duration.ofSeconds(30), CLOCK);
    assertThat(h.baseBranch()).isEqualTo("main");
    ChangeRef ref = h.openChange(change("fix-9", new FileChange("src/App.java", "v9\n")));
    assertThat(Files.isRegularFile(repo.resolve(".git/sre-agent/changes/fix-9.md"))).isTrue();
    assertThat(git(repo, "rev-parse", "sre-agent/fix-9")).isEqualTo(ref.commit());
    assertThat(git(linked, "status", "--porcelain")).isEmpty();
    assertThat(host().find(new ChangeKey("fix-9"))).contains(ref.existing());
  }

  @Test
  void detectsTheDefaultBranch() {
    git(repo, "branch", "-m", "main", "trunk");
    assertThat(host().baseBranch()).isEqualTo("trunk");
    git(repo, "branch", "master");
    assertThat(host().baseBranch()).isEqualTo("master");
    assertThat(LocalGitCodeHost.open(repo, "trunk", "git", Duration.ofSeconds(30), CLOCK).baseBranch()).isEqualTo("trunk");
    assertThatThrownBy(() -> LocalGitCodeHost.open(repo, "release", "git", Duration.ofSeconds(30), CLOCK))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Default branch 'release' of repository " + repo + " has no commit: commit to it first, or set sre-agent.local.base-branch to an existing branch");
  }
}
