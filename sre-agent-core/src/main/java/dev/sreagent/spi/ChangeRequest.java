package dev.sreagent.spi;

import java.util.List;
import java.util.Objects;

/**
 * A code change to propose as a draft pull request (or the host's equivalent).
 *
 * @param key the idempotency key; the branch is named from it
 * @param title the pull request's title
 * @param body the pull request's body (Markdown), already redacted
 * @param files the new contents, at least one, each path once
 * @param labels labels to set (the agent always adds {@code sre-agent})
 */
public record ChangeRequest(ChangeKey key, String title, String body, List<FileChange> files, List<String> labels) {
  /** Validates and copies. */
  public ChangeRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    files = List.copyOf(files);
    labels = List.copyOf(labels);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a change needs at least one file");
    }
    if (files.stream().map(FileChange::path).distinct().count() != files.size()) {
      throw new IllegalArgumentException("a change lists a path twice");
    }
  }
}
