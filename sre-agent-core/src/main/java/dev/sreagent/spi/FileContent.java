package dev.sreagent.spi;

import java.util.Objects;

/**
 * A file read from a {@link CodeHost}.
 *
 * @param path repository-relative path
 * @param ref the commit (or ref) it was read at
 * @param content the text (UTF-8; invalid bytes replaced)
 */
public record FileContent(String path, String ref, String content) {
  /** Validates. */
  public FileContent {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(content, "content");
  }
}
