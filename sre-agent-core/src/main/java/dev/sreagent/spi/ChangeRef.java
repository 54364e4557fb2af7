package dev.sreagent.spi;

import java.util.Objects;

/**
 * A change or report that exists on the code host.
 *
 * @param key its idempotency key
 * @param kind a pull request (change) or an issue (report)
 * @param id the host's id (pull request or issue number, or a local id)
 * @param url where a human reviews it (a web URL, or a file URL for the local host)
 * @param branch the branch holding the change, "" for a report
 * @param commit the commit id of the change, "" for a report
 * @param created true when this call created it, false when it already existed
 */
public record ChangeRef(ChangeKey key, Kind kind, String id, String url, String branch, String commit, boolean created) {
  /** Validates. */
  public ChangeRef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(commit, "commit");
  }

  /** @return the same reference with {@code created} false (as a second call finds it) */
  public ChangeRef existing() {
    return new ChangeRef(key, kind, id, url, branch, commit, false);
  }

  /** What the reference points at. */
  public enum Kind {
    /** A draft pull request with a code change. */
    CHANGE,
    /** An issue-like report. */
    REPORT
  }
}
