package dev.sreagent.pipeline.internal;

import java.util.List;
import java.util.Objects;

/**
 * A repository file a stack frame pointed at, as read through the code host.
 *
 * @param path repository path
 * @param ref the commit or ref it was read at
 * @param content the file's real content
 * @param shown the content shown to the model (after redaction)
 * @param lines the frame line numbers in this file, in printed order
 */
public record LocatedFile(String path, String ref, String content, String shown, List<Integer> lines) {
  /** Validates and copies. */
  public LocatedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(shown, "shown");
    lines = List.copyOf(lines);
  }

  /** @return true when redaction changed the content: edits to it are refused, the model saw placeholders */
  public boolean redacted() {
    return !content.equals(shown);
  }
}
