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
  private final int[] delta;
  private final long[] out;
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
    delta = new int[n * stride];
    out = new long[n];
    for (int st = 0; st < n; st++) {
      System.arraycopy(go.get(st), 0, delta, st * stride, stride);
      out[st] = output.get(st);
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

  /**
   * @param s the text
   * @return the mask of rules that may match
   */
  public long scan(String s) {
    final int n = s.length();
    final int[] d = delta;
    final long[] o = out;
    final byte[] a = alphabet;
    final int sh = shift;
    long mask = always;
    int state = 0;
    // numeric cluster: digits with runs of at most two separators
    int cStart = -1;
    int cDigits = 0;
    int cDots = 0;
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
      char c = s.charAt(i);
      int k = c < 128 ? c : 0;
      state = d[(state << sh) | a[k]];
      mask |= o[state];
      int cls = c < 128 ? CLS[c] : 0;
      if (cls == LOWER) {
        // the common case: a lower-case non-hex letter ends numbers and hex runs
        if (cStart >= 0) {
          mask |= cluster(s, cStart, cDigits, cDots, shapes);
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
          group = 0;
          g2 = g3 = 0;
          shapes = false;
          if (i >= 2 && isUpper(s.charAt(i - 1)) && isUpper(s.charAt(i - 2)) && i + 1 < n
              && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
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
      } else if (cStart >= 0) {
        mask |= cluster(s, cStart, cDigits, cDots, shapes);
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
        if (wordLen == 34 && s.charAt(wordStart) == 'S' && s.charAt(wordStart + 1) == 'K') {
          mask |= skWord;
        }
        wordLen = 0;
        if (c == '@') {
          mask |= at;
        }
      }
    }
    if (cStart >= 0) {
      mask |= cluster(s, cStart, cDigits, cDots, shapes);
    }
    if (colons > 0 && (doubleColon || colons >= 6)) {
      mask |= ipv6;
    }
    if (wordLen == 34 && s.charAt(wordStart) == 'S' && s.charAt(wordStart + 1) == 'K') {
      mask |= skWord;
    }
    return mask;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private long cluster(String s, int start, int digits, int dots, boolean shapes) {
    long m = 0;
    if (dots >= 3 && digits >= 4) {
      m |= ipv4;
    }
    if (digits >= 13) {
      m |= longNumber;
    }
    if (start > 0 && s.charAt(start - 1) == '+' && digits >= 7) {
      m |= plusNumber;
    }
    if (shapes) {
      m |= ssnShape | usPhoneShape;
    }
    return m;
  }
}
