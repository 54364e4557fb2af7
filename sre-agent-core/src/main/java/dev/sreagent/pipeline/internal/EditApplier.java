package dev.sreagent.pipeline.internal;

import dev.sreagent.pipeline.RemediationAnswer;
import dev.sreagent.spi.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies search/replace edits to the files shown to the model, in order. An edit applies only when its
 * path is a file that was shown (not altered by redaction) and its search text occurs exactly once in the
 * file's current content; otherwise it is a problem with the reason, and the plan is not delivered.
 */
public final class EditApplier {
  private EditApplier() {}

  /**
   * @param files the changed files' new content (files whose content did not change are left out)
   * @param changedLines lines removed plus lines added, over all edits
   * @param problems one line per edit that did not apply
   */
  public record Applied(List<FileChange> files, int changedLines, List<String> problems) {
    /** Copies. */
    public Applied {
      files = List.copyOf(files);
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param edits the model's edits
   * @param shown the files shown to the model, by path
   * @return the result; {@link Applied#problems()} is empty when every edit applied
   */
  public static Applied apply(List<RemediationAnswer.Edit> edits, Map<String, LocatedFile> shown) {
    Map<String, String> current = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int changed = 0;
    for (int i = 0; i < edits.size(); i++) {
      RemediationAnswer.Edit e = edits.get(i);
      String label = "edit " + (i + 1) + " (" + e.path() + ")";
      LocatedFile file = shown.get(e.path());
      if (file == null) {
        problems.add(label + ": the file was not shown to the model; edits may change only the files shown");
        continue;
      }
      if (file.redacted()) {
        problems.add(label + ": the file contains values the redactor replaced, so the model saw placeholders; change it by hand");
        continue;
      }
      if (e.search().isEmpty()) {
        problems.add(label + ": the search text is empty");
        continue;
      }
      if (e.search().equals(e.replace())) {
        problems.add(label + ": the replacement equals the search text and changes nothing");
        continue;
      }
      String text = current.getOrDefault(e.path(), file.content());
      int count = occurrences(text, e.search());
      if (count != 1) {
        problems.add(label + ": the search text occurs " + count + " times in the file; it must occur exactly once");
        continue;
      }
      int at = text.indexOf(e.search());
      current.put(e.path(), text.substring(0, at) + e.replace() + text.substring(at + e.search().length()));
      changed += changedLines(e.search(), e.replace());
    }
    List<FileChange> files = new ArrayList<>();
    current.forEach((path, content) -> {
      if (!content.equals(shown.get(path).content())) {
        files.add(new FileChange(path, content));
      }
    });
    return new Applied(files, changed, problems);
  }

  static int occurrences(String text, String search) {
    int n = 0;
    for (int i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) {
      n++;
    }
    return n;
  }

  /** @return lines removed plus lines added, after dropping the lines both sides share at the start and end */
  static int changedLines(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    int start = 0;
    while (start < a.length && start < b.length && a[start].equals(b[start])) {
      start++;
    }
    int endA = a.length;
    int endB = b.length;
    while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
      endA--;
      endB--;
    }
    return (endA - start) + (endB - start);
  }
}
