package dev.sreagent.grouping.internal;

import java.util.List;

/** Helpers shared by the stack-trace parsers. */
final class TraceLines {
  private TraceLines() {}

  static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** @return the top {@code max} frames of {@code picked}, or of {@code all} when none were picked */
  static void addTop(List<String> picked, int max, List<String> into) {
    for (int i = 0; i < picked.size() && i < max; i++) {
      into.add(picked.get(i));
    }
  }
}
