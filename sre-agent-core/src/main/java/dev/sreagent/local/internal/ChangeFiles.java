package dev.sreagent.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown files the local code host writes for a change or report: a front-matter block of
 * {@code key: value} lines (strings as JSON, which is also YAML) and the body. Written atomically.
 */
public final class ChangeFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeFiles() {}

  /**
   * @param text any text
   * @return {@code "text"} as a JSON string
   */
  public static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param items strings
   * @return {@code ["a","b"]}
   */
  public static String quote(List<String> items) {
    try {
      return JSON.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code ---\nfront matter\n---\n\nbody\n} to {@code file} atomically (creating directories).
   *
   * @param file the Markdown file
   * @param frontMatter keys and already-quoted values
   * @param body the Markdown body
   * @throws IOException when it cannot be written
   */
  public static void write(Path file, Map<String, String> frontMatter, String body) throws IOException {
    StringBuilder sb = new StringBuilder("---\n");
    frontMatter.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
    sb.append("---\n\n").append(body);
    if (!body.endsWith("\n")) {
      sb.append('\n');
    }
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".md");
    try {
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Appends {@code text} to {@code file}.
   *
   * @param file an existing file
   * @param text what to append
   * @throws IOException when it cannot be written
   */
  public static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /**
   * @param file a file written by {@link #write}
   * @return the front matter of {@code file} (values as written), empty when the file does not exist
   * @throws IOException when it cannot be read
   */
  public static Optional<Map<String, String>> readFrontMatter(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, String> out = new LinkedHashMap<>();
    if (lines.isEmpty() || !lines.get(0).equals("---")) {
      return Optional.of(out);
    }
    for (int i = 1; i < lines.size() && !lines.get(i).equals("---"); i++) {
      String l = lines.get(i);
      int colon = l.indexOf(": ");
      if (colon > 0) {
        out.put(l.substring(0, colon), l.substring(colon + 2));
      }
    }
    return Optional.of(out);
  }
}
