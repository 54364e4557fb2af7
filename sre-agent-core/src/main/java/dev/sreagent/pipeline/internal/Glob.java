package dev.sreagent.pipeline.internal;

import java.util.regex.Pattern;

/**
 * A path glob over {@code /}-separated repository paths: {@code **} matches any number of folders (also
 * none), {@code *} anything within one segment, {@code ?} one character. Platform independent, unlike
 * {@link java.nio.file.PathMatcher}. Immutable.
 */
public final class Glob {
  private final String glob;
  private final Pattern pattern;

  private Glob(String glob) {
    this.glob = glob;
    this.pattern = Pattern.compile(toRegex(glob));
  }

  /** @return the compiled glob */
  public static Glob of(String glob) {
    return new Glob(glob);
  }

  /** @return true when {@code path} matches */
  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  static String toRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        sb.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        sb.append(".*");
        i += 2;
      } else if (c == '*') {
        sb.append("[^/]*");
        i++;
      } else if (c == '?') {
        sb.append("[^/]");
        i++;
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return sb.toString();
  }
}
