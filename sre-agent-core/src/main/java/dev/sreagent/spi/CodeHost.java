package dev.sreagent.spi;

import java.util.List;
import java.util.Optional;

/**
 * Reads a repository and proposes changes to it for human review.
 *
 * <p>Semantics: {@link #openChange} and {@link #openReport} are idempotent by {@link ChangeKey}: when a
 * change (report) with the key exists, they return it with {@code created=false} and change nothing; a
 * retry after a failure at any step completes the change instead of opening a second one. Changes are
 * always drafts that a human must review; a code host never merges. Paths are repository-relative and
 * validated ({@link RepositoryPaths#requireSafe}).
 *
 * <p>Discovered through {@link CodeHostProvider} and selected by {@code sre-agent.code-host}.
 * Implementations must be thread safe.
 */
public interface CodeHost extends AutoCloseable {

  /**
   * @param path repository-relative path
   * @param ref a branch, tag or commit; empty for the default branch
   * @return the file, or empty when there is no such file
   */
  Optional<FileContent> readFile(String path, Optional<String> ref);

  /**
   * @param ref a branch, tag or commit; empty for the default branch
   * @return every file path in the repository at {@code ref}, sorted
   */
  List<String> listPaths(Optional<String> ref);

  /** @return the open change or report with this key, if any */
  Optional<ChangeRef> find(ChangeKey key);

  /** Opens a draft change for review, or returns the one already open for the key. */
  ChangeRef openChange(ChangeRequest request);

  /** Opens a report, or returns the one already open for the key. */
  ChangeRef openReport(ReportRequest request);

  /** Adds a comment (new evidence) to an existing change or report. */
  void comment(ChangeRef ref, String markdown);

  /** Releases connections. Idempotent. */
  @Override
  default void close() {}
}
