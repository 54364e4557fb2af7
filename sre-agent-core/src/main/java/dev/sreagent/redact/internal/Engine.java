package dev.sreagent.redact.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the rules the prefilter lets through and resolves overlaps: the rule earlier in the list wins,
 * then the earlier match. Thread safe and stateless.
 */
public final class Engine {
  private final List<Rule> rules;
  private final long[] bits;
  private final Prefilter prefilter;
  private final Set<String> allowValues;
  private final boolean usePrefilter;

  /**
   * @param rules rules in priority order
   * @param allowValues values never replaced, whichever rule finds them
   * @param usePrefilter false runs every rule on every text (the benchmark's baseline)
   */
  public Engine(List<Rule> rules, Set<String> allowValues, boolean usePrefilter) {
    this.rules = List.copyOf(rules);
    this.bits = new long[this.rules.size()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = Prefilter.bit(i);
    }
    this.prefilter = new Prefilter(this.rules);
    this.allowValues = Set.copyOf(allowValues);
    this.usePrefilter = usePrefilter;
  }

  /** @return the rules in priority order */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * @param text the text
   * @return the spans to replace, sorted by start, not overlapping; empty (and no allocation) for clean text
   */
  public List<Span> find(String text) {
    long mask = usePrefilter ? prefilter.scan(text) : -1L;
    if (mask == 0) {
      return List.of();
    }
    List<Span> found = null;
    for (int i = 0; i < bits.length; i++) {
      if ((mask & bits[i]) != 0) {
        if (found == null) {
          found = new ArrayList<>(4);
        }
        rules.get(i).find(text, i, found);
      }
    }
    if (found == null || found.isEmpty()) {
      return List.of();
    }
    if (!allowValues.isEmpty()) {
      found.removeIf(s -> allowValues.contains(text.substring(s.start(), s.end())));
    }
    if (found.size() <= 1) {
      return found;
    }
    found.sort(Comparator.comparingInt(Span::priority).thenComparingInt(Span::start));
    TreeMap<Integer, Span> kept = new TreeMap<>();
    for (Span s : found) {
      Map.Entry<Integer, Span> before = kept.lowerEntry(s.end());
      if (before == null || before.getValue().end() <= s.start()) {
        kept.put(s.start(), s);
      }
    }
    return new ArrayList<>(kept.values());
  }
}
