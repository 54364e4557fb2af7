package dev.sreagent.spi;

import java.util.Objects;

/**
 * The new content of one file in a change.
 *
 * @param path repository-relative path with {@code /} separators, no {@code ..}, not absolute
 * @param content the whole new content (UTF-8 text)
 */
public record FileChange(String path, String content) {
  /** Validates. */
  public FileChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    RepositoryPaths.requireSafe(path);
  }
}
