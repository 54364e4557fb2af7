package dev.sreagent.grouping.internal;

/**
 * Masks the variable parts of a log message with {@code <*>} in one pass, without regular expressions.
 *
 * <p>Rules, all generic (no rule knows any particular log format):
 *
 * <ul>
 *   <li>The message is split on whitespace into tokens; runs of whitespace become one space.
 *   <li>A token holding {@code ://} (a URL) or starting with {@code /}, {@code ~/}, {@code ./} or a drive
 *       letter and holding a second separator (a path) becomes {@code <*>}.
 *   <li>Otherwise a token is split into words at punctuation ({@code = , ; : ( ) [ ] { } " ' < > | @ # $ & ! ? *});
 *       a word holding a digit (numbers, hex, ids, IPs, UUIDs, durations, sizes, versions, timestamps)
 *       becomes {@code <*>}.
 *   <li>A token left with no unmasked letters (say {@code 10.0.0.1:8080} or {@code 12##7##9}) becomes one
 *       {@code <*>}. Three or more copies of a masked token, or two or more copies of a block of two or
 *       three tokens holding a wildcard, collapse into one copy, so lists of varying length give one
 *       template.
 * </ul>
 *
 * <p>Stateless and thread safe.
 */
public final class Masker {
  /** The wildcard. */
  public static final String WILDCARD = "<*>";

  private Masker() {}

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  private static boolean isDelimiter(char c) {
    switch (c) {
      case '=': case ',': case ';': case ':': case '(': case ')': case '[': case ']': case '{': case '}':
      case '"': case '\'': case '<': case '>': case '|': case '@': case '#': case '$': case '&': case '!':
      case '?': case '*': case '`':
        return true;
      default:
        return false;
    }
  }

  /**
   * @param message a log message
   * @return the message with variables masked and whitespace normalized
   */
  public static String mask(String message) {
    int n = message.length();
    StringBuilder out = new StringBuilder(Math.min(n + 16, 1 << 16));
    int[] starts = new int[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(message.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int s = i;
      while (i < n && !isSpace(message.charAt(i))) {
        i++;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = out.length();
      appendToken(message, s, i, out);
    }
    return collapse(out, starts, count);
  }

  /**
   * Collapses repeats of masked tokens: three or more copies of one token, or two or more copies of a block
   * of two or three tokens, when the block holds a wildcard.
   */
  private static String collapse(StringBuilder sb, int[] starts, int count) {
    if (count < 3 || sb.indexOf(WILDCARD) < 0) {
      return sb.toString();
    }
    // token i spans [starts[i], end(i)) where end(i) = starts[i+1]-1 or sb.length()
    StringBuilder out = null;
    int i = 0;
    int copiedUpTo = 0; // tokens < copiedUpTo are handled
    while (i < count) {
      int bestK = 0;
      int bestReps = 1;
      for (int k = 1; k <= 3 && i + 2 * k <= count; k++) {
        if (!blockHasWildcard(sb, starts, count, i, k)) {
          continue;
        }
        int reps = 1;
        while (i + (reps + 1) * k <= count && blocksEqual(sb, starts, count, i, i + reps * k, k)) {
          reps++;
        }
        int minReps = k == 1 ? 3 : 2;
        if (reps >= minReps && reps * k > bestReps * bestK) {
          bestK = k;
          bestReps = reps;
        }
      }
      if (bestK == 0) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(sb.length());
      }
      // copy tokens [copiedUpTo, i + bestK), skip the rest of the repeats
      appendTokens(sb, starts, count, copiedUpTo, i + bestK, out);
      i += bestK * bestReps;
      copiedUpTo = i;
    }
    if (out == null) {
      return sb.toString();
    }
    appendTokens(sb, starts, count, copiedUpTo, count, out);
    return out.toString();
  }

  private static int end(StringBuilder sb, int[] starts, int count, int t) {
    return t + 1 < count ? starts[t + 1] - 1 : sb.length();
  }

  private static void appendTokens(StringBuilder sb, int[] starts, int count, int from, int to, StringBuilder out) {
    if (from >= to) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(sb, starts[from], end(sb, starts, count, to - 1));
  }

  private static boolean blockHasWildcard(StringBuilder sb, int[] starts, int count, int i, int k) {
    int from = starts[i];
    int to = end(sb, starts, count, i + k - 1);
    for (int p = from; p + 2 < to + 1 && p + 2 < sb.length(); p++) {
      if (sb.charAt(p) == '<' && sb.charAt(p + 1) == '*' && sb.charAt(p + 2) == '>') {
        return true;
      }
    }
    return false;
  }

  private static boolean blocksEqual(StringBuilder sb, int[] starts, int count, int a, int b, int k) {
    for (int t = 0; t < k; t++) {
      int as = starts[a + t];
      int ae = end(sb, starts, count, a + t);
      int bs = starts[b + t];
      int be = end(sb, starts, count, b + t);
      if (ae - as != be - bs) {
        return false;
      }
      for (int p = 0; p < ae - as; p++) {
        if (sb.charAt(as + p) != sb.charAt(bs + p)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void appendToken(String m, int s, int e, StringBuilder out) {
    if (isUrlOrPath(m, s, e)) {
      int end = e;
      while (end > s + 1 && isTrailing(m.charAt(end - 1))) {
        end--;
      }
      out.append(WILDCARD);
      out.append(m, end, e);
      return;
    }
    int start = out.length();
    boolean letters = false;
    boolean masked = false;
    int i = s;
    while (i < e) {
      char c = m.charAt(i);
      if (isDelimiter(c)) {
        out.append(c);
        i++;
        continue;
      }
      int ws = i;
      boolean digit = false;
      boolean letter = false;
      while (i < e) {
        c = m.charAt(i);
        if (isDelimiter(c)) {
          break;
        }
        if (c >= '0' && c <= '9') {
          digit = true;
        } else if (Character.isLetter(c)) {
          letter = true;
        }
        i++;
      }
      if (digit) {
        out.append(WILDCARD);
        masked = true;
      } else {
        out.append(m, ws, i);
        letters |= letter;
      }
    }
    if (masked && !letters) {
      out.setLength(start);
      out.append(WILDCARD);
    }
  }

  private static boolean isTrailing(char c) {
    return c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == '.' || c == ':';
  }

  private static boolean isUrlOrPath(String m, int s, int e) {
    int len = e - s;
    if (len < 3) {
      return false;
    }
    for (int k = s; k + 2 < e; k++) {
      if (m.charAt(k) == ':' && m.charAt(k + 1) == '/' && m.charAt(k + 2) == '/') {
        return true;
      }
    }
    char c0 = m.charAt(s);
    int from;
    char sep;
    if (c0 == '/') {
      from = s + 1;
      sep = '/';
    } else if ((c0 == '~' || c0 == '.') && m.charAt(s + 1) == '/') {
      from = s + 2;
      sep = '/';
    } else if (Character.isLetter(c0) && m.charAt(s + 1) == ':' && m.charAt(s + 2) == '\\') {
      from = s + 3;
      sep = '\\';
    } else {
      return false;
    }
    for (int k = from; k < e - 1; k++) {
      if (m.charAt(k) == sep) {
        return true;
      }
    }
    return false;
  }
}
