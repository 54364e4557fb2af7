package dev.sreagent.redact.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides in one pass over the text which rules can possibly match: an Aho–Corasick automaton over
 * the lower-cased keywords of every rule, and, stepped in the same loop, a small automaton over char
 * classes that tracks cheap necessary conditions of the structural {@link Gate}s (a digit run with nine
 * digits and a separator, or thirteen digits, or three dots and four digits; six colons or {@code ::};
 * two upper-case letters then a digit; {@code +} then a digit; {@code SK}; {@code @}). Only when that
 * automaton ends in its "suspect" state are the exact gates computed, in a second pass. A clean line
 * costs two independent table steps per char and no allocation.
 *
 * <p>The result is a bit mask over rules ({@code 1L << (index % 64)}): rules that share a bit run
 * together, which is never wrong, only slower.
 */
public final class Prefilter {
  private static final byte DIGIT = 1;
  private static final byte UPPER = 2;
  private static final byte LOWER = 4;
  private static final byte HEX = 8;
  private static final byte SEP = 16;
  private static final byte COLON = 32;
  private static final byte[] CLS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLS[c] = DIGIT | HEX;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CLS[c] = UPPER;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLS[c] = LOWER;
    }
    for (char c = 'a'; c <= 'f'; c++) {
      CLS[c] |= HEX;
      CLS[Character.toUpperCase(c)] |= HEX;
    }
    for (char c : new char[] {' ', '-', '.', '(', ')'}) {
      CLS[c] = SEP;
    }
    CLS[':'] = COLON;
  }

  /**
   * The keyword automaton: {@code step[state + class]} is the next state. States are premultiplied by
   * {@link #stride} (the number of classes), and states with an output come last.
   */
  private final int[] step;
  private final int stride;
  /** The first state (premultiplied) with an output. */
  private final int firstOutputOffset;
  /** Output mask per state (not premultiplied). */
  private final long[] out;
  /**
   * The gate automaton over {@code G_*} classes: {@code gateStep[state + class]}, states premultiplied by
   * {@link #G_CLASSES}, start 0. It tracks cheap necessary conditions of every gate and falls into the
   * absorbing state {@link #gateSuspect} when one holds; only then are the exact gates computed.
   */
  private final char[] gateStep;
  private final int gateSuspect;
  /** ASCII char → keyword class in bits 0–7, gate class from bit 8. */
  private final int[] flags = new int[128];
  /** ASCII char → alphabet class (0 for chars in no keyword); upper case folded to lower. */
  private final byte[] alphabet = new byte[128];
  private final long always;
  private final long at;
  private final long ipv4;
  private final long ipv6;
  private final long longNumber;
  private final long ssnShape;
  private final long usPhoneShape;
  private final long plusNumber;
  private final long upperUpperDigitDigit;
  private final long skWord;

  /** @param rules the rules in priority order */
  public Prefilter(List<Rule> rules) {
    Map<Gate, Long> gates = new EnumMap<>(Gate.class);
    for (Gate g : Gate.values()) {
      gates.put(g, 0L);
    }
    List<String> words = new ArrayList<>();
    List<Long> masks = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      long bit = bit(i);
      Rule r = rules.get(i);
      for (Gate g : r.gates()) {
        gates.merge(g, bit, (a, b) -> a | b);
      }
      if (r.gates().isEmpty() && r.keywords().isEmpty()) {
        gates.merge(Gate.ALWAYS, bit, (a, b) -> a | b);
      }
      for (String k : r.keywords()) {
        words.add(k);
        masks.add(bit);
      }
    }
    always = gates.get(Gate.ALWAYS);
    at = gates.get(Gate.AT);
    ipv4 = gates.get(Gate.IPV4);
    ipv6 = gates.get(Gate.IPV6);
    longNumber = gates.get(Gate.LONG_NUMBER);
    ssnShape = gates.get(Gate.SSN_SHAPE);
    usPhoneShape = gates.get(Gate.US_PHONE_SHAPE);
    plusNumber = gates.get(Gate.PLUS_NUMBER);
    upperUpperDigitDigit = gates.get(Gate.UPPER_UPPER_DIGIT_DIGIT);
    skWord = gates.get(Gate.SK_WORD_34);

    // alphabet: one class per char used by a keyword
    int classes = 1;
    for (String w : words) {
      for (int j = 0; j < w.length(); j++) {
        char c = w.charAt(j);
        if (c >= 128) {
          throw new IllegalArgumentException("keyword must be ASCII: " + w);
        }
        if (alphabet[c] == 0) {
          alphabet[c] = (byte) classes++;
        }
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      alphabet[c] = alphabet[Character.toLowerCase(c)];
    }
    final int stride = classes;

    // trie
    List<int[]> go = new ArrayList<>();
    List<Long> output = new ArrayList<>();
    go.add(filled(stride));
    output.add(0L);
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      int state = 0;
      for (int j = 0; j < word.length(); j++) {
        int c = alphabet[word.charAt(j)];
        if (go.get(state)[c] < 0) {
          go.get(state)[c] = go.size();
          go.add(filled(stride));
          output.add(0L);
        }
        state = go.get(state)[c];
      }
      output.set(state, output.get(state) | masks.get(w));
    }
    // failure links, completed into a DFA
    int n = go.size();
    int[] fail = new int[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < stride; c++) {
      int t = go.get(0)[c];
      if (t < 0) {
        go.get(0)[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int st = queue.poll();
      output.set(st, output.get(st) | output.get(fail[st]));
      for (int c = 0; c < stride; c++) {
        int t = go.get(st)[c];
        if (t < 0) {
          go.get(st)[c] = go.get(fail[st])[c];
        } else {
          fail[t] = go.get(fail[st])[c];
          queue.add(t);
        }
      }
    }
    // number states without output first, so the hot loop tests an index instead of loading a mask
    int[] id = new int[n];
    int next = 0;
    for (int st = 0; st < n; st++) {
      if (output.get(st) == 0) {
        id[st] = next++;
      }
    }
    final int firstOutput = next;
    for (int st = 0; st < n; st++) {
      if (output.get(st) != 0) {
        id[st] = next++;
      }
    }
    this.stride = stride;
    out = new long[n];
    step = new int[n * stride];
    for (int st = 0; st < n; st++) {
      int[] row = go.get(st);
      for (int c = 0; c < stride; c++) {
        step[id[st] * stride + c] = id[row[c]] * stride;
      }
      out[id[st]] = output.get(st);
    }
    firstOutputOffset = firstOutput * stride;
    for (char c = 0; c < 128; c++) {
      flags[c] = (alphabet[c] & 0xFF) | (gateClass(c) << 8);
    }
    // the gate automaton: reachable tuples from the start, SUSPECT absorbing
    Map<Integer, Integer> ids = new HashMap<>();
    List<Integer> tuples = new ArrayList<>();
    ids.put(0, 0);
    tuples.add(0);
    ids.put(SUSPECT, 1);
    tuples.add(SUSPECT);
    for (int k = 0; k < tuples.size(); k++) {
      int tu = tuples.get(k);
      for (int gc = 0; gc < G_CLASSES; gc++) {
        int nx = tu == SUSPECT ? SUSPECT : gateNext(tu, gc);
        if (!ids.containsKey(nx)) {
          ids.put(nx, tuples.size());
          tuples.add(nx);
        }
      }
    }
    int gn = tuples.size();
    if ((long) gn * G_CLASSES > Character.MAX_VALUE) {
      throw new IllegalStateException("gate automaton too large: " + gn);
    }
    gateStep = new char[gn * G_CLASSES];
    for (int k = 0; k < gn; k++) {
      int tu = tuples.get(k);
      for (int gc = 0; gc < G_CLASSES; gc++) {
        int nx = tu == SUSPECT ? SUSPECT : gateNext(tu, gc);
        gateStep[k * G_CLASSES + gc] = (char) (ids.get(nx) * G_CLASSES);
      }
    }
    gateSuspect = G_CLASSES; // SUSPECT has id 1
  }

  /** @return the mask bit of the rule at {@code index} */
  public static long bit(int index) {
    return 1L << (index & 63);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  private static final int SMALL = 1 << 16;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

  /**
   * @param s the text
   * @return the mask of rules that may match
   */
  public long scan(String s) {
    final int n = s.length();
    char[] buf = BUFFER.get();
    if (buf.length < n) {
      buf = new char[Math.max(n, buf.length * 2)];
      if (buf.length <= SMALL) {
        BUFFER.set(buf);
      }
    }
    s.getChars(0, n, buf, 0);
    return scan(buf, n);
  }

  private long scan(char[] s, int n) {
    final int[] d = step;
    final char[] g = gateStep;
    final int[] tbl = flags;
    final int fo = firstOutputOffset;
    long mask = always;
    int state = 0;
    int gate = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      int t = c < 128 ? tbl[c] : 0;
      state = d[state + (t & 0xFF)];
      gate = g[gate + (t >>> 8)];
      if (state >= fo) {
        mask |= out[state / stride];
      }
    }
    return gate == gateSuspect ? mask | gates(s, n) : mask;
  }

  /**
   * The structural gates. Only digits, colons, {@code @} and {@code S} start work; every other char is
   * one table load.
   */
  private long gates(char[] s, int n) {
    long mask = 0;
    int colonsSeen = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      if (c >= 128 || TRIGGER[c] == 0) {
        continue;
      }
      if (c >= '0' && c <= '9') {
        // a numeric cluster: digits with runs of at most two separators
        final int start = i;
        if (i >= 2 && isUpper(s[i - 1]) && isUpper(s[i - 2]) && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'
            && !(i >= 3 && isAlnum(s[i - 3])) && codeLength(s, i - 2, n) >= 9) {
          mask |= upperUpperDigitDigit;
        }
        int digits = 0;
        int dots = 0;
        boolean spaced = false;
        int sepRun = 0;
        int group = 0;
        int g2 = 0;
        int g3 = 0;
        boolean shapes = false;
        for (; i < n; i++) {
          char x = s[i];
          if (x >= '0' && x <= '9') {
            if (sepRun > 0) {
              g2 = g3;
              g3 = group;
              group = 0;
              sepRun = 0;
            }
            digits++;
            group++;
            if (group == 4 && g2 == 3 && (g3 == 3 || g3 == 2)) {
              shapes = true;
            }
          } else if (sepRun < 2 && x < 128 && CLS[x] == SEP) {
            sepRun++;
            if (x == '.') {
              dots++;
            }
            if (x != '-') {
              spaced = true;
            }
          } else {
            break;
          }
        }
        mask |= cluster(s, start, digits, dots, shapes, spaced);
        i--; // the char that ended the cluster is looked at by the outer loop
      } else if (c == ':') {
        if (i >= colonsSeen) {
          // the hex/colon run from this colon on (the chars before it in the run hold no colon)
          int colons = 0;
          boolean doubleColon = false;
          boolean lastColon = false;
          int j = i;
          for (; j < n; j++) {
            char x = s[j];
            if (x == ':') {
              colons++;
              if (lastColon) {
                doubleColon = true;
              }
              lastColon = true;
            } else if (x < 128 && (CLS[x] & HEX) != 0) {
              lastColon = false;
            } else {
              break;
            }
          }
          colonsSeen = j;
          if (doubleColon || colons >= 6) {
            mask |= ipv6;
          }
        }
      } else if (c == '@') {
        mask |= at;
      } else if (c == 'S') {
        if (i + 1 < n && s[i + 1] == 'K' && (i == 0 || !isAlnum(s[i - 1]))) {
          int j = i + 2;
          while (j < n && j - i <= 34 && isAlnum(s[j])) {
            j++;
          }
          if (j - i == 34) {
            mask |= skWord;
          }
        }
      }
    }
    return mask;
  }

  /** Chars that start work in {@link #gates}: digits, {@code :}, {@code @}, {@code S}. */
  private static final byte[] TRIGGER = new byte[128];
  // gate classes of a char
  private static final int G_OTHER = 0;
  private static final int G_DIGIT = 1;
  private static final int G_DOT = 2;
  private static final int G_SEP = 3;
  private static final int G_COLON = 4;
  private static final int G_HEX_LOWER = 5;
  private static final int G_HEX_UPPER = 6;
  private static final int G_UPPER_S = 7;
  private static final int G_UPPER_K = 8;
  private static final int G_UPPER = 9;
  private static final int G_PLUS = 10;
  private static final int G_AT = 11;
  private static final int G_CLASSES = 12;
  private static final int SUSPECT = -1;

  private static int gateClass(char c) {
    if (c >= '0' && c <= '9') {
      return G_DIGIT;
    }
    if (c >= 'a' && c <= 'f') {
      return G_HEX_LOWER;
    }
    if (c >= 'A' && c <= 'F') {
      return G_HEX_UPPER;
    }
    if (c == 'S') {
      return G_UPPER_S;
    }
    if (c == 'K') {
      return G_UPPER_K;
    }
    if (c >= 'A' && c <= 'Z') {
      return G_UPPER;
    }
    return switch (c) {
      case '.' -> G_DOT;
      case ' ', '-', '(', ')' -> G_SEP;
      case ':' -> G_COLON;
      case '+' -> G_PLUS;
      case '@' -> G_AT;
      default -> G_OTHER;
    };
  }

  /*
   * A gate tuple packs: digits in the current run of digits and separators (0-13), dots in it (0-3),
   * whether it holds a separator, colons in the current hex/colon run (0-5), whether the last char was a
   * colon, upper-case letters just before (0-2), whether the last char was S, whether it was +.
   */
  private static int gateNext(int tu, int gc) {
    int digits = tu & 15;
    int dots = (tu >>> 4) & 3;
    int sep = (tu >>> 6) & 1;
    int colons = (tu >>> 7) & 7;
    int lastColon = (tu >>> 10) & 1;
    int uppers = (tu >>> 11) & 3;
    int lastS = (tu >>> 13) & 1;
    int lastPlus = (tu >>> 14) & 1;
    boolean digit = gc == G_DIGIT;
    if (gc == G_AT
        || lastPlus == 1 && digit
        || uppers == 2 && digit
        || lastS == 1 && gc == G_UPPER_K
        || lastColon == 1 && gc == G_COLON) {
      return SUSPECT;
    }
    if (digit || gc == G_DOT || gc == G_SEP) {
      digits = Math.min(13, digits + (digit ? 1 : 0));
      dots = Math.min(3, dots + (gc == G_DOT ? 1 : 0));
      sep |= digit ? 0 : 1;
      if (digits >= 13 || dots >= 3 && digits >= 4 || digits >= 9 && sep == 1) {
        return SUSPECT;
      }
    } else {
      digits = 0;
      dots = 0;
      sep = 0;
    }
    if (gc == G_COLON) {
      colons++;
      if (colons >= 6) {
        return SUSPECT;
      }
      lastColon = 1;
    } else if (digit || gc == G_HEX_LOWER || gc == G_HEX_UPPER) {
      lastColon = 0;
    } else {
      colons = 0;
      lastColon = 0;
    }
    boolean upper = gc == G_HEX_UPPER || gc == G_UPPER_S || gc == G_UPPER_K || gc == G_UPPER;
    uppers = upper ? Math.min(2, uppers + 1) : 0;
    lastS = gc == G_UPPER_S ? 1 : 0;
    lastPlus = gc == G_PLUS ? 1 : 0;
    return digits | dots << 4 | sep << 6 | colons << 7 | lastColon << 10 | uppers << 11 | lastS << 13 | lastPlus << 14;
  }


  static {
    for (char c = '0'; c <= '9'; c++) {
      TRIGGER[c] = 1;
    }
    TRIGGER[':'] = 1;
    TRIGGER['@'] = 1;
    TRIGGER['S'] = 1;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAlnum(char c) {
    return c < 128 && (CLS[c] & (DIGIT | UPPER | LOWER)) != 0;
  }

  /** @return how many chars from {@code from} are upper-case letters, digits or single spaces (capped at 16) */
  private static int codeLength(char[] s, int from, int n) {
    int len = 0;
    for (int i = from; i < n && len < 16; i++) {
      char c = s[i];
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == ' ' && i > from && s[i - 1] != ' ') {
        len++;
      } else {
        break;
      }
    }
    return len;
  }

  private long cluster(char[] s, int start, int digits, int dots, boolean shapes, boolean spaced) {
    long m = 0;
    if (dots >= 3 && digits >= 4) {
      m |= ipv4;
    }
    // a card number starts where no letter, digit or dash precedes it: at the cluster's start, or after an
    // inner space, dot or parenthesis
    if (digits >= 13 && (spaced || start == 0 || !isAlnum(s[start - 1]) && s[start - 1] != '-')) {
      m |= longNumber;
    }
    if (start > 0 && s[start - 1] == '+' && digits >= 7) {
      m |= plusNumber;
    }
    if (shapes) {
      m |= ssnShape | usPhoneShape;
    }
    return m;
  }
}
