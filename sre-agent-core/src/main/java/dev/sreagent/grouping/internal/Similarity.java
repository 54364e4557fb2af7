package dev.sreagent.grouping.internal;

/**
 * How alike a new masked message is to a live template, for the template miner's slow path: the candidates'
 * anchor, the share of equal constants, and what a differing token means (a name that may vary, a plain word,
 * or a value of a closed set that names another event). Stateless and thread safe.
 */
public final class Similarity {
  private Similarity() {}

  /**
   * @return the token count and the first token; a first token holding a masked part ({@code host:<*>},
   *     {@code user=<*>}) counts as a variable, so its unmasked rest does not split an event by its value
   */
  public static String anchorOf(String[] tokens) {
    String first = tokens.length == 0 ? "" : tokens[0];
    return tokens.length + " " + (first.contains(Masker.WILDCARD) || qualifiedName(first) ? Masker.WILDCARD : first);
  }

  /**
   * @return true when {@code t} holds a qualified name: a dot or slash between two letters or digits ({@code
   *     com.example.Job:}, {@code db.internal}, {@code app/.Main}): the name of a thing, not a word
   */
  public static boolean qualifiedName(String t) {
    for (int i = 1; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if ((c == '.' || c == '/') && Character.isLetterOrDigit(t.charAt(i - 1))
          && (Character.isLetterOrDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '.')) {
        return true;
      }
    }
    return false;
  }

  /**
   * The share of equal positions needed when the parts that differ are plain words (not names of things):
   * plain words that differ usually name different events ({@code started} / {@code stopped}).
   */
  public static final double PLAIN_WORD_SIMILARITY = 0.8;

  /**
   * @return the share of positions where both are equal constants among those where either holds a constant,
   *     or 0 when a difference names another event (a different key, a different value of a closed set, or a
   *     plain word when the share is below {@link #PLAIN_WORD_SIMILARITY})
   */
  public static double of(String[] template, String[] tokens) {
    int same = 0;
    int diff = 0;
    boolean plainDiff = false;
    for (int i = 0; i < tokens.length; i++) {
      String a = template[i];
      String b = tokens[i];
      if (a.equals(b)) {
        if (!a.equals(Masker.WILDCARD) && (a.indexOf('<') < 0 || hasLetter(a))) {
          same++; // a constant, or a key of a masked value such as uid=<*>: the key is constant
        }
      } else if (!a.equals(Masker.WILDCARD)) {
        diff++;
        if (keyDiffers(a, b)) {
          return 0; // a different field name (mCount=<*> / mRequested=false) is a different event
        }
        int kind = ValueWords.calendar(a) && ValueWords.calendar(b) ? NAME : difference(a, b);
        if (kind == ENUM) {
          return 0; // different values of a closed set name different events
        }
        if (kind == PLAIN) {
          plainDiff = true;
        }
      }
    }
    if (same == 0) {
      return diff == 0 ? 1.0 : 0.0;
    }
    double sim = (double) same / (same + diff);
    if (plainDiff && sim < PLAIN_WORD_SIMILARITY) {
      return 0;
    }
    return sim;
  }

  /** @return true when {@code t} holds a letter outside its wildcards */
  private static boolean hasLetter(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return true when {@code a} and {@code b} first differ inside the key of a {@code key=value} pair (the
   *     token, or the part after <code>, ; ( [ &#123;</code>, starts with a name that ends at {@code =} in both): keys
   *     are field names written by the logging code, not values
   */
  public static boolean keyDiffers(String a, String b) {
    int p = 0;
    int max = Math.min(a.length(), b.length());
    while (p < max && a.charAt(p) == b.charAt(p)) {
      p++;
    }
    int s = p;
    while (s > 0 && isKeyChar(a.charAt(s - 1))) {
      s--;
    }
    if (s > 0) {
      char c = a.charAt(s - 1);
      if (c != ',' && c != ';' && c != '(' && c != '[' && c != '{') {
        return false;
      }
    }
    return keyEndsAt(a, s, p) && keyEndsAt(b, s, p);
  }

  /** @return true when {@code t} from {@code p} holds key characters up to an {@code =} and the key is not empty */
  private static boolean keyEndsAt(String t, int start, int p) {
    for (int i = p; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '=') {
        return i > start;
      }
      if (!isKeyChar(c)) {
        return false;
      }
    }
    return false;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  /** @return true when the parts of {@code a} and {@code b} that differ are plain words, not names of things */
  static final int NAME = 0;
  static final int PLAIN = 1;
  static final int ENUM = 2;

  static int difference(String a, String b) {
    int p = 0;
    int max = Math.min(a.length(), b.length());
    while (p < max && a.charAt(p) == b.charAt(p)) {
      p++;
    }
    int q = p;
    // back up to the start of the name the difference is in
    while (p > 0 && isNameChar(a.charAt(p - 1))) {
      p--;
    }
    while (q > 0 && Character.isLetterOrDigit(a.charAt(q - 1))) {
      q--;
    }
    int sa = a.length();
    int sb = b.length();
    while (sa > p && sb > p && a.charAt(sa - 1) == b.charAt(sb - 1)) {
      sa--;
      sb--;
    }
    int ea = sa;
    int eb = sb;
    while (ea < a.length() && Character.isLetterOrDigit(a.charAt(ea))) {
      ea++;
      eb++;
    }
    if ((isUpperWord(a, q, ea) && isUpperWord(b, q, eb)) || (isBoolean(a, q, ea) && isBoolean(b, q, eb))
        || (isVerbForm(a, q, ea) && isVerbForm(b, q, eb))) {
      return ENUM; // enum-like constants: GET / POST, SCREEN_ON / SCREEN_OFF, true / false
    }
    while (sa < a.length() && isNameChar(a.charAt(sa))) {
      sa++;
      sb++;
    }
    String ma = a.substring(p, sa);
    String mb = b.substring(p, sb);
    return identifierLike(ma) || identifierLike(mb) ? NAME : PLAIN;
  }

  /** @return true for a word ending in -ed or -ing: a verb form, which names what happened */
  private static boolean isVerbForm(String s, int from, int to) {
    if (to - from < 4 || to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return s.regionMatches(true, to - 2, "ed", 0, 2) || s.regionMatches(true, to - 3, "ing", 0, 3);
  }

  private static boolean isBoolean(String s, int from, int to) {
    return to <= s.length() && (s.regionMatches(true, from, "true", 0, 4) && to - from == 4
        || s.regionMatches(true, from, "false", 0, 5) && to - from == 5);
  }

  private static boolean isUpperWord(String s, int from, int to) {
    if (to - from < 2 || to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
    }
    return Character.isUpperCase(s.charAt(from));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == '\\' || c == '$';
  }

  /** @return true for tokens shaped like names of things: dotted, slashed, snake or camel case, quoted */
  static boolean identifierLike(String t) {
    if (t.contains(Masker.WILDCARD)) {
      return true;
    }
    for (int i = 1; i < t.length() - 1; i++) {
      char c = t.charAt(i);
      if (c == '.' || c == '_' || c == '/' || c == '\\' || c == '-' || c == '@' || (Character.isUpperCase(c) && Character.isLowerCase(t.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

}
