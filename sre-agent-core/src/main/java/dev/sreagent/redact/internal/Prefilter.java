package dev.sreagent.redact.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Decides in one pass over the text which rules can possibly match: an Aho–Corasick automaton over
 * the lower-cased keywords of every rule, and a few structural {@link Gate}s computed in the same loop.
 * A clean line costs one table step per char and no allocation.
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

  private final int shift;
  private final int firstOutput;
  private final int[] delta;
  private final long[] out;
  /** ASCII char → alphabet class (0 for chars in no keyword); upper case folded to lower. */
  private final byte[] alphabet = new byte[128];
  /** ASCII char → alphabet class in bits 0–7 and its {@code CLS} flags in bits 8–15. */
  private final int[] table = new int[128];
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
    int s = 0;
    while ((1 << s) < classes) {
      s++;
    }
    shift = s;
    int stride = 1 << s;

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
    for (int c = 0; c < 128; c++) {
      table[c] = (alphabet[c] & 0xFF) | (CLS[c] << 8);
    }
    // number states without output first, so the hot loop tests an index instead of loading a mask
    int[] id = new int[n];
    int next = 0;
    for (int st = 0; st < n; st++) {
      if (output.get(st) == 0) {
        id[st] = next++;
      }
    }
    firstOutput = next;
    for (int st = 0; st < n; st++) {
      if (output.get(st) != 0) {
        id[st] = next++;
      }
    }
    delta = new int[n * stride];
    out = new long[n];
    for (int st = 0; st < n; st++) {
      int[] row = go.get(st);
      for (int c = 0; c < stride; c++) {
        delta[id[st] * stride + c] = id[row[c]];
      }
      out[id[st]] = output.get(st);
    }
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
    final int[] d = delta;
    final long[] o = out;
    final int[] tbl = table;
    final int sh = shift;
    final int fo = firstOutput;
    long mask = always;
    int state = 0;
    // numeric cluster: digits with runs of at most two separators
    int cStart = -1;
    int cDigits = 0;
    int cDots = 0;
    boolean cSpaced = false;
    int sepRun = 0;
    int group = 0;
    int g2 = 0;
    int g3 = 0;
    boolean shapes = false;
    // hex/colon run
    int colons = 0;
    boolean doubleColon = false;
    boolean lastColon = false;
    // alphanumeric word
    int wordStart = 0;
    int wordLen = 0;
    for (int i = 0; i < n; i++) {
      char c = s[i];
      int t = c < 128 ? tbl[c] : 0;
      state = d[(state << sh) | (t & 0xFF)];
      if (state >= fo) {
        mask |= o[state];
      }
      int cls = t >>> 8;
      if (cls == LOWER) {
        // the common case: a lower-case non-hex letter ends numbers and hex runs
        if (cStart >= 0) {
          mask |= cluster(s, cStart, cDigits, cDots, shapes, cSpaced);
          cStart = -1;
        }
        if (colons > 0) {
          if (doubleColon || colons >= 6) {
            mask |= ipv6;
          }
          colons = 0;
          doubleColon = false;
        }
        lastColon = false;
        if (wordLen++ == 0) {
          wordStart = i;
        }
        continue;
      }
      if ((cls & DIGIT) != 0) {
        if (cStart < 0) {
          cStart = i;
          cDigits = 0;
          cDots = 0;
          cSpaced = false;
          group = 0;
          g2 = g3 = 0;
          shapes = false;
          if (i >= 2 && isUpper(s[i - 1]) && isUpper(s[i - 2]) && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'
              && !(i >= 3 && isAlnum(s[i - 3])) && codeLength(s, i - 2, n) >= 9) {
            mask |= upperUpperDigitDigit;
          }
        } else if (sepRun > 0) {
          g2 = g3;
          g3 = group;
          group = 0;
        }
        cDigits++;
        group++;
        sepRun = 0;
        if (group == 4 && g2 == 3 && (g3 == 3 || g3 == 2)) {
          shapes = true;
        }
      } else if (cls == SEP && cStart >= 0 && sepRun < 2) {
        sepRun++;
        if (c == '.') {
          cDots++;
        }
        if (c != '-') {
          cSpaced = true;
        }
      } else if (cStart >= 0) {
        mask |= cluster(s, cStart, cDigits, cDots, shapes, cSpaced);
        cStart = -1;
        sepRun = 0;
      }
      if ((cls & (HEX | COLON)) != 0) {
        if (cls == COLON) {
          colons++;
          if (lastColon) {
            doubleColon = true;
          }
          lastColon = true;
        } else {
          lastColon = false;
        }
      } else {
        if (colons > 0) {
          if (doubleColon || colons >= 6) {
            mask |= ipv6;
          }
          colons = 0;
          doubleColon = false;
        }
        lastColon = false;
      }
      if ((cls & (DIGIT | UPPER | LOWER)) != 0) {
        if (wordLen++ == 0) {
          wordStart = i;
        }
      } else {
        if (wordLen == 34 && s[wordStart] == 'S' && s[wordStart + 1] == 'K') {
          mask |= skWord;
        }
        wordLen = 0;
        if (c == '@') {
          mask |= at;
        }
      }
    }
    if (cStart >= 0) {
      mask |= cluster(s, cStart, cDigits, cDots, shapes, cSpaced);
    }
    if (colons > 0 && (doubleColon || colons >= 6)) {
      mask |= ipv6;
    }
    if (wordLen == 34 && s[wordStart] == 'S' && s[wordStart + 1] == 'K') {
      mask |= skWord;
    }
    return mask;
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
