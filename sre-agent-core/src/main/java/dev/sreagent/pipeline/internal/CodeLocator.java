package dev.sreagent.pipeline.internal;

import dev.sreagent.redact.RedactionSession;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps stack frames to repository files and reads them through the {@link CodeHost}: first the path whose
 * trailing folders match most of the frame's path (the package folders for Java, the printed path for the
 * others), found among {@link CodeHost#listPaths}; ties go to non-test paths, then the shorter path.
 * Binary files (NUL or undecodable bytes) and files over the size limit are skipped with a note.
 */
public final class CodeLocator {
  private final CodeHost host;
  private final int maxFiles;
  private final int maxFileChars;

  /**
   * @param host the repository
   * @param maxFiles files to read at most
   * @param maxFileChars larger files are skipped
   */
  public CodeLocator(CodeHost host, int maxFiles, int maxFileChars) {
    this.host = host;
    this.maxFiles = maxFiles;
    this.maxFileChars = maxFileChars;
  }

  /** What was found: the files, and notes on frames that did not lead to a file. */
  public record Located(List<LocatedFile> files, List<String> notes) {
    /** Copies. */
    public Located {
      files = List.copyOf(files);
      notes = List.copyOf(notes);
    }
  }

  /**
   * @param frames frames in printed order (innermost first for Java, Node and Go; outermost first for Python)
   * @param session redacts file content before it is shown
   * @return up to {@code maxFiles} distinct files in frame order
   */
  public Located locate(List<StackFrame> frames, RedactionSession session) {
    List<String> notes = new ArrayList<>();
    if (frames.isEmpty()) {
      return new Located(List.of(), List.of("no stack frame of Java, Python, Go or Node.js found in the samples"));
    }
    List<String> paths = host.listPaths(Optional.empty());
    Map<String, List<String>> byName = new HashMap<>();
    for (String p : paths) {
      byName.computeIfAbsent(p.substring(p.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(p);
    }
    Map<String, List<Integer>> chosen = new LinkedHashMap<>();
    for (StackFrame f : frames) {
      Optional<String> path = match(f, byName);
      if (path.isEmpty()) {
        notes.add("no repository file for frame " + f.pathHint() + ":" + f.line());
        continue;
      }
      if (!chosen.containsKey(path.get()) && chosen.size() >= maxFiles * 2) {
        continue;
      }
      chosen.computeIfAbsent(path.get(), k -> new ArrayList<>()).add(f.line());
    }
    List<LocatedFile> files = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : chosen.entrySet()) {
      if (files.size() >= maxFiles) {
        break;
      }
      Optional<FileContent> read = host.readFile(e.getKey(), Optional.empty());
      if (read.isEmpty()) {
        notes.add("listed but unreadable: " + e.getKey());
        continue;
      }
      String content = read.get().content();
      if (content.indexOf('\0') >= 0 || content.indexOf('\uFFFD') >= 0) {
        notes.add("binary file skipped: " + e.getKey());
        continue;
      }
      if (content.length() > maxFileChars) {
        notes.add("file over " + maxFileChars + " characters skipped: " + e.getKey());
        continue;
      }
      files.add(new LocatedFile(e.getKey(), read.get().ref(), content, session.redact(content), e.getValue()));
    }
    return new Located(files, notes);
  }

  static Optional<String> match(StackFrame frame, Map<String, List<String>> byName) {
    List<String> candidates = byName.getOrDefault(frame.fileName(), List.of());
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    String[] hint = frame.pathHint().split("/");
    return candidates.stream()
        .max(Comparator.<String>comparingInt(p -> suffixMatch(p.split("/"), hint))
            .thenComparing(p -> !isTestPath(p))
            .thenComparing(Comparator.<String>comparingInt(String::length).reversed())
            .thenComparing(Comparator.<String>naturalOrder().reversed()));
  }

  private static int suffixMatch(String[] path, String[] hint) {
    int n = 0;
    while (n < path.length && n < hint.length && path[path.length - 1 - n].equals(hint[hint.length - 1 - n])) {
      n++;
    }
    return n;
  }

  private static boolean isTestPath(String p) {
    return p.contains("/test/") || p.startsWith("test/") || p.startsWith("tests/") || p.contains("/tests/");
  }
}
