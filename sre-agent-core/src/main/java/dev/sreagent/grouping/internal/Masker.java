package dev.sreagent.grouping.internal;

import java.util.Arrays;

/**
 * Masks the variable parts of a log message with {@code <*>} in one pass, without regular expressions.
 *
 * <p>Rules, all generic (no rule knows any particular log format):
 *
 * <ul>
 *   <li>The message is split on whitespace into tokens; runs of whitespace become one space. A double-quoted
 *       string of up to {@value #QUOTE_SPAN} characters stays one token, its spaces turned into {@code _}.
 *   <li>A token holding {@code ://} (a URL) or starting with {@code /}, {@code ~/}, {@code ./} or a drive
 *       letter and holding a second separator (a path) becomes {@code <*>}.
 *   <li>Otherwise a token is split into words at punctuation ({@code = , ; : ( ) [ ] { } " ' < > | @ # $ & ! ? * `});
 *       a word holding a digit (numbers, hex, ids, IPs, UUIDs, durations, sizes, versions, timestamps)
 *       becomes {@code <*>}.
 *   <li>A token left with no unmasked letters (say {@code 10.0.0.1:8080} or {@code 12##7##9}) becomes one
 *       {@code <*>}. A number and its unit of size or duration ({@link ValueWords}) are one {@code <*>}, and so is
 *       the same value restated in parentheses after it: {@code 0 bytes}, {@code 1190 bytes (1.16 KB)}, {@code
 *       <1 sec} and {@code 00:02} are each one variable. Three or more copies of a masked token, or two or more copies of a block of two or
 *       three tokens holding a wildcard, collapse into one copy, so lists of varying length give one
 *       template.
 * </ul>
 *
 * <p>An instance keeps a scratch buffer: <b>not thread safe</b>, one per miner. {@link #mask(String)} is the
 * static, allocating form.
 */
public final class Masker {
  /** The wildcard. */
  public static final String WILDCARD = "<*>";

  private static final byte SPACE = 1;
  private static final byte DELIM = 2;
  private static final byte DIGIT = 3;
  private static final byte LETTER = 4;
  private static final byte OTHER = 0;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c : " \t\n\r\f\u000B".toCharArray()) {
      CLASS[c] = SPACE;
    }
    for (char c : "=,;:()[]{}\"'<>|@#$&!?*`".toCharArray()) {
      CLASS[c] = DELIM;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LETTER;
      CLASS[c - 32] = LETTER;
    }
  }

  /** A quoted string up to this long that holds spaces stays one token (its spaces become {@code _}). */
  static final int QUOTE_SPAN = 512;

  private char[] in = new char[256];
  private char[] buf = new char[256];
  private int len;
  private int[] starts = new int[32];
  private int count;
  private boolean mayCollapse;
  private int nextQuote;
  /** The last token is a lone {@code <*>} that took a unit in: a parenthesized value after it restates it. */
  private boolean valueHasUnit;

  /** Creates a masker with its own scratch buffer. */
  public Masker() {}

  /**
   * @param message a log message
   * @return the message with variables masked and whitespace normalized
   */
  public static String mask(String message) {
    Masker m = new Masker();
    m.run(message);
    return new String(m.buf, 0, m.len);
  }

  /** Masks {@code message} into the scratch buffer: read it with {@link #chars()} and {@link #length()}. */
  public void run(String message) {
    int n = message.length();
    if (buf.length < n + 16) {
      buf = new char[Math.max(n + 16, buf.length * 2)];
    }
    if (in.length < n) {
      in = new char[Math.max(n, in.length * 2)];
    }
    message.getChars(0, n, in, 0);
    char[] m = in;
    len = 0;
    count = 0;
    mayCollapse = false;
    valueHasUnit = false;
    nextQuote = -1;
    int i = 0;
    while (i < n) {
      char c = m[i];
      if (c < 128 && CLASS[c] == SPACE) {
        i++;
        continue;
      }
      int s = i;
      boolean quoted = false;
      while (i < n) {
        c = m[i];
        if (c == '"') {
          quoted = !quoted;
        } else if (c < 128 ? CLASS[c] == SPACE : Character.isWhitespace(c)) {
          if (!quoted || !closesSoon(m, i, n)) {
            break;
          }
        }
        i++;
      }
      if (len > 0) {
        buf[len++] = ' ';
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = len;
      appendToken(m, s, i);
      if (count >= 2 && joinsValue(m[s])) {
        len = starts[count - 1] - 1; // the token belongs to the value before it: drop it and its space
        count--;
        valueHasUnit = true;
      } else {
        valueHasUnit = false;
        if (count >= 2 && !mayCollapse) {
          checkRepeat();
        }
      }
    }
    if (mayCollapse) {
      collapse();
    }
  }

  /**
   * @return true when a double quote closes within {@value #QUOTE_SPAN} characters after {@code i}; the
   *     position of the next quote is remembered, so a message costs one scan however many quotes it holds
   */
  private boolean closesSoon(char[] m, int i, int n) {
    if (nextQuote <= i) {
      int k = i + 1;
      while (k < n && m[k] != '"') {
        k++;
      }
      nextQuote = k;
    }
    return nextQuote < n && nextQuote - i < QUOTE_SPAN;
  }

  /**
   * @param firstChar the first character of the last token as written
   * @return true when the last token continues the value that the token before it (a lone {@code <*>})
   *     started: a unit of size or duration ({@code 5.2 KB}, {@code 30 seconds}, {@code <1 sec}), or, after
   *     such a unit, the same value restated in parentheses ({@code 1190 bytes (1.16 KB)})
   */
  private boolean joinsValue(char firstChar) {
    int prev = count - 2;
    if (!isLoneWildcard(starts[prev], end(prev))) {
      return false;
    }
    int s = starts[count - 1];
    int e = len;
    if (valueHasUnit && firstChar == '(' && isLoneWildcard(s, e)) {
      return true;
    }
    if (buf[e - 1] == ':') {
      return false; // "bytes:" is the label of the next value, not a unit
    }
    while (e > s && isTrailing(buf[e - 1])) {
      e--;
    }
    return ValueWords.unit(buf, s, e);
  }

  private boolean isLoneWildcard(int from, int to) {
    return to - from == 3 && buf[from] == '<' && buf[from + 1] == '*' && buf[from + 2] == '>';
  }

  /** @return the scratch buffer (valid up to {@link #length()}) */
  public char[] chars() {
    return buf;
  }

  /** @return characters of the masked message */
  public int length() {
    return len;
  }

  private int end(int t) {
    return t + 1 < count ? starts[t + 1] - 1 : len;
  }

  /** Notes when the last token repeats the one 1, 2 or 3 tokens before it and holds a wildcard. */
  private void checkRepeat() {
    int last = count - 1;
    int ls = starts[last];
    int le = len;
    if (!hasWildcard(ls, le)) {
      return;
    }
    for (int k = 1; k <= 3 && last - k >= 0; k++) {
      if (tokenEquals(last - k, ls, le)) {
        mayCollapse = true;
        return;
      }
    }
  }

  private boolean hasWildcard(int from, int to) {
    for (int p = from; p + 2 < to; p++) {
      if (buf[p] == '<' && buf[p + 1] == '*' && buf[p + 2] == '>') {
        return true;
      }
    }
    return false;
  }

  private boolean tokenEquals(int t, int os, int oe) {
    int ts = starts[t];
    int te = end(t);
    return te - ts == oe - os && Arrays.equals(buf, ts, te, buf, os, oe);
  }

  private boolean blocksEqual(int a, int b, int k) {
    for (int t = 0; t < k; t++) {
      if (!tokenEquals(a + t, starts[b + t], end(b + t))) {
        return false;
      }
    }
    return true;
  }

  private void collapse() {
    char[] out = new char[len];
    int olen = 0;
    int i = 0;
    while (i < count) {
      int bestK = 0;
      int bestReps = 1;
      for (int k = 1; k <= 3 && i + 2 * k <= count; k++) {
        if (!hasWildcard(starts[i], end(i + k - 1))) {
          continue;
        }
        int reps = 1;
        while (i + (reps + 1) * k <= count && blocksEqual(i, i + reps * k, k)) {
          reps++;
        }
        int minReps = k == 1 ? 3 : 2;
        if (reps >= minReps && reps * k > bestReps * bestK) {
          bestK = k;
          bestReps = reps;
        }
      }
      int take = bestK == 0 ? 1 : bestK;
      int from = starts[i];
      int to = end(i + take - 1);
      if (olen > 0) {
        out[olen++] = ' ';
      }
      System.arraycopy(buf, from, out, olen, to - from);
      olen += to - from;
      i += bestK == 0 ? 1 : bestK * bestReps;
    }
    buf = out.length >= buf.length ? out : buf;
    if (buf != out) {
      System.arraycopy(out, 0, buf, 0, olen);
    }
    len = olen;
  }

  private void appendWildcard() {
    buf[len++] = '<';
    buf[len++] = '*';
    buf[len++] = '>';
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void appendToken(char[] m, int s, int e) {
    ensure(3 * (e - s) + 8);
    int start = len;
    boolean letters = false;
    boolean masked = false;
    boolean url = false;
    char c0 = m[s];
    boolean pathStart = e - s >= 3 && (c0 == '/' || ((c0 == '~' || c0 == '.') && m[s + 1] == '/')
        || (c0 < 128 && CLASS[c0] == LETTER && m[s + 1] == ':' && m[s + 2] == '\\'));
    char sep = c0 == '/' || c0 == '~' || c0 == '.' ? '/' : '\\';
    int sepFrom = c0 == '/' ? s + 1 : s + (sep == '/' ? 2 : 3);
    boolean secondSep = false;
    int i = s;
    char[] b = buf;
    while (i < e) {
      char c = m[i];
      if (c < 128 && CLASS[c] >= DELIM - 1 && CLASS[c] <= DELIM) {
        if (c == ':' && i + 2 < e && m[i + 1] == '/' && m[i + 2] == '/') {
          url = true;
        }
        b[len++] = CLASS[c] == SPACE ? '_' : c; // a space inside a quoted string
        i++;
        continue;
      }
      int wordStart = len;
      boolean digit = false;
      boolean letter = false;
      while (i < e) {
        c = m[i];
        if (c < 128) {
          byte k = CLASS[c];
          if (k == DELIM || k == SPACE) {
            break;
          } else if (k == DIGIT) {
            digit = true;
          } else if (k == LETTER) {
            letter = true;
          }
        } else if (Character.isLetter(c)) {
          letter = true;
        }
        if (c == sep && i >= sepFrom && i < e - 1) {
          secondSep = true;
        }
        b[len++] = c >= 128 && Character.isWhitespace(c) ? '_' : c;
        i++;
      }
      if (digit) {
        len = wordStart;
        appendWildcard();
        masked = true;
      } else {
        letters |= letter;
      }
    }
    if (url || (pathStart && secondSep)) {
      int end = e;
      while (end > s + 1 && isTrailing(m[end - 1])) {
        end--;
      }
      len = start;
      appendWildcard();
      System.arraycopy(m, end, buf, len, e - end);
      len += e - end;
      return;
    }
    if (masked && !letters) {
      len = start;
      appendWildcard();
    }
  }

  private static boolean isTrailing(char c) {
    return c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == '.' || c == ':';
  }
}
