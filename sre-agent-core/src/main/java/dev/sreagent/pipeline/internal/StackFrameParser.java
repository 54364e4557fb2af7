package dev.sreagent.pipeline.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds stack frames of Java/Kotlin, Python, Go and Node.js in log text, in the order printed. Frames of
 * the runtime and of dependencies (JDK packages, {@code site-packages}, {@code node_modules},
 * {@code node:internal}, Go's {@code GOROOT}) are skipped: they are never in the repository. Thread safe.
 */
public final class StackFrameParser {
  private static final Pattern JVM = Pattern.compile(
      "\\bat\\s+(?:[\\w.$/@-]+/)?([\\w$]+(?:\\.[\\w$]+)*)\\.([\\w$<>-]+)\\(([\\w$-]+\\.(?:java|kt|kts|scala|groovy)):(\\d+)\\)");
  private static final Pattern PYTHON = Pattern.compile("File \"([^\"\\n]+\\.py)\", line (\\d+)(?:, in ([\\w<>.]+))?");
  private static final Pattern GO = Pattern.compile("(?m)^\\s*((?:[A-Za-z]:)?[\\w./@+-]*/[\\w.@+-]+\\.go):(\\d+)(?:\\s+\\+0x[0-9a-f]+)?\\s*$");
  private static final Pattern NODE = Pattern.compile(
      "\\bat\\s+(?:(?:async\\s+)?([\\w$.<>\\[\\] ]+?)\\s+\\()?(?:file://)?((?:[A-Za-z]:)?[^\\s()]+\\.(?:js|mjs|cjs|ts|jsx|tsx)):(\\d+):\\d+\\)?");
  private static final List<String> JVM_SKIP = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.",
      "org.junit.", "org.springframework.", "org.apache.", "io.netty.", "org.eclipse.jetty.", "org.hibernate.", "reactor.");

  /** @return the frames in {@code text}, printed order, duplicates (same path and line) removed */
  public List<StackFrame> parse(String text) {
    List<Positioned> found = new ArrayList<>();
    Matcher m = JVM.matcher(text);
    while (m.find()) {
      String fqcn = m.group(1);
      if (JVM_SKIP.stream().anyMatch(fqcn::startsWith)) {
        continue;
      }
      int dot = fqcn.lastIndexOf('.');
      String pkg = dot < 0 ? "" : fqcn.substring(0, dot).replace('.', '/');
      String file = m.group(3);
      found.add(new Positioned(m.start(), new StackFrame(StackFrame.Language.JVM, pkg.isEmpty() ? file : pkg + "/" + file,
          Integer.parseInt(m.group(4)), m.group(2))));
    }
    m = PYTHON.matcher(text);
    while (m.find()) {
      String path = normalize(m.group(1));
      if (path.contains("site-packages/") || path.contains("dist-packages/") || path.matches(".*/lib/python[\\d.]+/.*")
          || path.startsWith("<")) {
        continue;
      }
      found.add(new Positioned(m.start(), new StackFrame(StackFrame.Language.PYTHON, path, Integer.parseInt(m.group(2)),
          m.group(3) == null ? "" : m.group(3))));
    }
    m = GO.matcher(text);
    while (m.find()) {
      String path = normalize(m.group(1));
      if (path.contains("/go/src/runtime/") || path.contains("/usr/local/go/") || path.contains("/pkg/mod/")) {
        continue;
      }
      found.add(new Positioned(m.start(), new StackFrame(StackFrame.Language.GO, path, Integer.parseInt(m.group(2)), "")));
    }
    m = NODE.matcher(text);
    while (m.find()) {
      String path = normalize(m.group(2));
      if (path.contains("node_modules/") || path.startsWith("node:") || path.startsWith("internal/")) {
        continue;
      }
      found.add(new Positioned(m.start(), new StackFrame(StackFrame.Language.NODE, path, Integer.parseInt(m.group(3)),
          m.group(1) == null ? "" : m.group(1).trim())));
    }
    found.sort((a, b) -> Integer.compare(a.position(), b.position()));
    Set<String> seen = new LinkedHashSet<>();
    List<StackFrame> out = new ArrayList<>();
    for (Positioned p : found) {
      if (seen.add(p.frame().pathHint() + ":" + p.frame().line())) {
        out.add(p.frame());
      }
    }
    return out;
  }

  private static String normalize(String path) {
    String p = path.replace('\\', '/');
    if (p.matches("^[A-Za-z]:/.*")) {
      p = p.substring(2);
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  private record Positioned(int position, StackFrame frame) {}
}
