package dev.sreagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.ReportRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@link CodeHost} contract: reading files at a ref, unsafe paths rejected, and {@code openChange} /
 * {@code openReport} idempotent by {@link ChangeKey}.
 *
 * <p><b>How to extend.</b> Implement {@link #createHost(Map)} (a repository whose default branch holds
 * exactly the given files: a local git repository, or a stubbed API that serves them) and
 * {@link #changesOpenedFor(ChangeKey)} (how many branches or pull requests the host now holds for the key,
 * read from the repository or from the stub's recorded requests). Turn off
 * {@link #supportsReadingTheChangeBranch()} if the stub cannot serve the new branch's content.
 */
public abstract class CodeHostContract {
  private final List<CodeHost> opened = new ArrayList<>();
  /** Files on the default branch of every host the contract creates. */
  protected static final Map<String, String> FILES = files();

  private static Map<String, String> files() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("README.md", "# shop\n");
    f.put("src/main/java/shop/OrderService.java", "package shop;\n\nclass OrderService {\n  int total() { return 1; }\n}\n");
    return Map.copyOf(f);
  }

  /** @return a host over a repository whose default branch holds exactly {@code files} (path → content) */
  protected abstract CodeHost createHost(Map<String, String> files);

  /** @return how many changes (branches, pull requests) the host holds for {@code key} */
  protected abstract int changesOpenedFor(ChangeKey key);

  /** @return true when {@code readFile(path, Optional.of(change.branch()))} shows the change (default true) */
  protected boolean supportsReadingTheChangeBranch() {
    return true;
  }

  @AfterEach
  void closeHosts() {
    opened.forEach(CodeHost::close);
    opened.clear();
  }

  private CodeHost host() {
    CodeHost h = createHost(FILES);
    opened.add(h);
    return h;
  }

  private static ChangeKey key() {
    return new ChangeKey("contract-" + UUID.randomUUID().toString().substring(0, 8));
  }

  private static ChangeRequest change(ChangeKey key) {
    return new ChangeRequest(key, "Fix OrderService total", "The total was wrong.\n\nRequires human review.",
        List.of(new FileChange("src/main/java/shop/OrderService.java", "package shop;\n\nclass OrderService {\n  int total() { return 2; }\n}\n")),
        List.of("sre-agent"));
  }

  @Test
  void readsAFileOfTheDefaultBranch() {
    Optional<FileContent> f = host().readFile("src/main/java/shop/OrderService.java", Optional.empty());
    assertThat(f).isPresent();
    assertThat(f.get().content()).isEqualTo(FILES.get("src/main/java/shop/OrderService.java"));
    assertThat(f.get().path()).isEqualTo("src/main/java/shop/OrderService.java");
  }

  @Test
  void readingAMissingFileIsEmpty() {
    assertThat(host().readFile("src/main/java/shop/Missing.java", Optional.empty())).isEmpty();
  }

  @Test
  void listsThePaths() {
    assertThat(host().listPaths(Optional.empty())).containsAll(FILES.keySet());
  }

  @Test
  void rejectsUnsafePaths() {
    CodeHost h = host();
    for (String bad : List.of("../etc/passwd", "/etc/passwd", "src/../../x", "src//x", "C:\\x")) {
      assertThatThrownBy(() -> h.readFile(bad, Optional.empty())).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void openChangeIsIdempotentByKey() {
    CodeHost h = host();
    ChangeKey key = key();
    assertThat(h.find(key)).isEmpty();
    ChangeRef first = h.openChange(change(key));
    assertThat(first.created()).isTrue();
    assertThat(first.kind()).isEqualTo(ChangeRef.Kind.CHANGE);
    assertThat(first.branch()).isNotBlank();
    ChangeRef second = h.openChange(change(key));
    assertThat(second.created()).as("the second openChange finds the first").isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.branch()).isEqualTo(first.branch());
    assertThat(second.commit()).isEqualTo(first.commit());
    assertThat(changesOpenedFor(key)).isEqualTo(1);
    assertThat(h.find(key)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first.id()));
  }

  @Test
  void aChangeIsOnItsBranchAndLeavesTheDefaultBranchAlone() {
    Assumptions.assumeTrue(supportsReadingTheChangeBranch(), "the host cannot read the change's branch");
    CodeHost h = host();
    ChangeRef ref = h.openChange(change(key()));
    assertThat(h.readFile("src/main/java/shop/OrderService.java", Optional.of(ref.branch())))
        .hasValueSatisfying(f -> assertThat(f.content()).contains("return 2;"));
    assertThat(h.readFile("src/main/java/shop/OrderService.java", Optional.empty()))
        .hasValueSatisfying(f -> assertThat(f.content()).contains("return 1;"));
  }

  @Test
  void openReportIsIdempotentByKey() {
    CodeHost h = host();
    ChangeKey key = key();
    ReportRequest report = new ReportRequest(key, "Suspicious log content", "Report only.", List.of("sre-agent"));
    ChangeRef first = h.openReport(report);
    assertThat(first.created()).isTrue();
    assertThat(first.kind()).isEqualTo(ChangeRef.Kind.REPORT);
    ChangeRef second = h.openReport(report);
    assertThat(second.created()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
  }

  @Test
  void commentsOnAnOpenChange() {
    CodeHost h = host();
    ChangeRef ref = h.openChange(change(key()));
    h.comment(ref, "The error happened 12 more times.");
    assertThat(h.find(ref.key())).isPresent();
  }
}
