package dev.sreagent.redact.internal;

import dev.sreagent.redact.PiiFamily;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A rule made of a regular expression, the group to replace and an optional validator of the value. */
public final class PatternRule implements Rule {
  /** Decides the kind of one match, or rejects it. */
  @FunctionalInterface
  public interface Classifier {
    /**
     * @param m the matcher, positioned on the match
     * @param value the text of the group to replace
     * @return the kind to use, or null to keep the text
     */
    @Nullable String kindOf(Matcher m, String value);
  }

  private final String name;
  private final Pattern pattern;
  private final String group;
  private final List<String> keywords;
  private final Set<Gate> gates;
  private final @Nullable PiiFamily family;
  private final Classifier classifier;
  private final boolean tokenBoundary;
  private final @Nullable IntPredicate first;
  private final @Nullable IntPredicate notBefore;

  private PatternRule(Builder b) {
    this.name = b.kind;
    this.pattern = Objects.requireNonNull(b.pattern, "pattern");
    this.group = b.group;
    this.keywords = List.copyOf(b.keywords);
    this.gates = Set.copyOf(b.gates);
    this.family = b.family;
    this.classifier = b.classifier;
    this.tokenBoundary = b.tokenBoundary;
    this.first = b.first;
    this.notBefore = b.notBefore;
  }

  private static boolean isTokenChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  /**
   * @param kind the placeholder kind
   * @param regex the pattern
   * @return a builder
   */
  public static Builder of(String kind, String regex) {
    return new Builder(kind, Pattern.compile(regex));
  }

  /**
   * @param kind the placeholder kind
   * @param pattern the compiled pattern
   * @return a builder
   */
  public static Builder of(String kind, Pattern pattern) {
    return new Builder(kind, pattern);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> keywords() {
    return keywords;
  }

  @Override
  public Set<Gate> gates() {
    return gates;
  }

  @Override
  public @Nullable PiiFamily family() {
    return family;
  }

  @Override
  public void find(String text, int priority, List<Span> out) {
    Matcher m = pattern.matcher(text);
    if (first != null) {
      findAnchored(text, priority, out, m, first);
      return;
    }
    int from = 0;
    while (from <= text.length() && m.find(from)) {
      from = m.end() > m.start() ? m.end() : m.start() + 1;
      if (tokenBoundary && m.start() > 0 && isTokenChar(text.charAt(m.start() - 1))) {
        from = m.start() + 1; // glued to a longer word: look again from the next char
        continue;
      }
      add(text, priority, out, m);
    }
  }

  /**
   * Tries the pattern only where its first char can start a match (and the char before does not forbid
   * it): the same leftmost matches as {@link Matcher#find()}, without running the regex engine at every
   * position of the text.
   */
  private void findAnchored(String text, int priority, List<Span> out, Matcher m, IntPredicate firstChar) {
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    final int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!firstChar.test(text.charAt(i)) || i > 0 && notBefore != null && notBefore.test(text.charAt(i - 1))) {
        continue;
      }
      m.region(i, n);
      if (m.lookingAt()) {
        add(text, priority, out, m);
        if (m.end() > i) {
          i = m.end() - 1;
        }
      }
    }
  }

  private void add(String text, int priority, List<Span> out, Matcher m) {
    int s;
    int e;
    if (group.isEmpty()) {
      s = m.start();
      e = m.end();
    } else if (Character.isDigit(group.charAt(0))) {
      int g = Integer.parseInt(group);
      s = m.start(g);
      e = m.end(g);
    } else {
      s = m.start(group);
      e = m.end(group);
    }
    if (s < 0 || e <= s) {
      return;
    }
    String value = text.substring(s, e);
    String kind = classifier.kindOf(m, value);
    if (kind != null) {
      out.add(new Span(s, e, kind, priority));
    }
  }

  @Override
  public String toString() {
    return "PatternRule[" + name + "]";
  }

  /** Builds a {@link PatternRule}. */
  public static final class Builder {
    private final String kind;
    private final Pattern pattern;
    private String group = "";
    private List<String> keywords = List.of();
    private Set<Gate> gates = Set.of();
    private @Nullable PiiFamily family;
    private Classifier classifier;
    private boolean tokenBoundary;
    private @Nullable IntPredicate first;
    private @Nullable IntPredicate notBefore;

    private Builder(String kind, Pattern pattern) {
      this.kind = kind;
      this.pattern = pattern;
      this.classifier = (m, v) -> kind;
    }

    /** Replaces only this group (a number or a name) instead of the whole match. */
    public Builder group(String g) {
      this.group = g;
      return this;
    }

    /** Replaces only group {@code g}. */
    public Builder group(int g) {
      this.group = Integer.toString(g);
      return this;
    }

    /** Keywords, one of which every match contains (matched case-insensitively). */
    public Builder keywords(String... k) {
      this.keywords = java.util.Arrays.stream(k).map(x -> x.toLowerCase(Locale.ROOT)).toList();
      return this;
    }

    /** Structural gates, one of which fires for every match. */
    public Builder gates(Gate... g) {
      this.gates = Set.of(g);
      return this;
    }

    /**
     * Requires that no letter, digit, {@code _} or {@code -} precede a match, checked in code rather than
     * with a lookbehind so that a pattern starting with a literal can use the regex engine's fast search.
     */
    public Builder tokenBoundary() {
      this.tokenBoundary = true;
      return this;
    }

    /**
     * Tries the pattern only at chars matching {@code firstChar} whose preceding char does not match
     * {@code notBefore} (both must be implied by the pattern: its first char, and its leading lookbehind).
     */
    public Builder anchor(IntPredicate firstChar, @Nullable IntPredicate notBefore) {
      this.first = firstChar;
      this.notBefore = notBefore;
      return this;
    }

    /** Marks the rule as finding personal data of {@code f}. */
    public Builder family(PiiFamily f) {
      this.family = f;
      return this;
    }

    /** Keeps only matches whose value passes {@code check}. */
    public Builder check(Predicate<String> check) {
      String k = kind;
      this.classifier = (m, v) -> check.test(v) ? k : null;
      return this;
    }

    /** Decides the kind per match. */
    public Builder classifier(Classifier c) {
      this.classifier = c;
      return this;
    }

    /** @return the rule */
    public PatternRule build() {
      return new PatternRule(this);
    }
  }
}
