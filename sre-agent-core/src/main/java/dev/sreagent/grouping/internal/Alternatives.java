package dev.sreagent.grouping.internal;

/**
 * What one template's positions have shown besides the values of the message that created it: per position,
 * nothing, one other value (the position names two <em>alternatives</em>, such as {@code begin} / {@code
 * end}), or more (the position is a variable). A position whose values hold a masked part, or name days or
 * months ({@link ValueWords}), is a variable from the start. Not thread safe: owned by the miner.
 */
public final class Alternatives {
  /**
   * Distinct values a position may show and still tell groups apart; one more makes it a variable. (The
   * record keeps one value besides the first, so this is documentation, not a setting.)
   */
  public static final int MAX_VALUES = 2;

  private final String[] second;
  private final boolean[] variable;
  private int version;

  /** @param positions the template's token count */
  public Alternatives(int positions) {
    this.second = new String[positions];
    this.variable = new boolean[positions];
  }

  /**
   * Records the masked tokens of a message never seen before in the template.
   *
   * @return true when a position became, or stopped being, a pair of alternatives
   */
  public boolean record(String[] first, String[] tokens) {
    boolean changed = false;
    for (int p = 0; p < tokens.length; p++) {
      String v = tokens[p];
      if (variable[p] || v.equals(first[p])) {
        continue;
      }
      if (v.contains(Masker.WILDCARD) || first[p].contains(Masker.WILDCARD)
          || (ValueWords.calendar(v) && ValueWords.calendar(first[p]))) {
        variable[p] = true;
        changed |= second[p] != null;
      } else if (second[p] == null) {
        second[p] = v;
        changed = true;
      } else if (!second[p].equals(v)) {
        variable[p] = true; // a third value: a variable (MAX_VALUES = 2)
        changed = true;
      }
    }
    if (changed) {
      version++;
    }
    return changed;
  }

  /** @return a number that changes whenever {@link #signature} may give another answer */
  public int version() {
    return version;
  }

  /**
   * @return the positions and values by which {@code tokens} differs from {@code first} at positions that
   *     name alternatives; empty when it has the first values there
   */
  public String signature(String[] first, String[] tokens) {
    StringBuilder sig = null;
    for (int p = 0; p < tokens.length; p++) {
      if (active(p) && !tokens[p].equals(first[p])) {
        if (sig == null) {
          sig = new StringBuilder();
        }
        sig.append(p).append('\u0000').append(tokens[p]).append('\u0000');
      }
    }
    return sig == null ? "" : sig.toString();
  }

  /** @return a copy of {@code shown} with the values of {@code representative} at positions naming alternatives */
  public String[] fill(String[] shown, String[] representative) {
    String[] out = null;
    for (int p = 0; p < shown.length; p++) {
      if (active(p) && !shown[p].equals(representative[p])) {
        if (out == null) {
          out = shown.clone();
        }
        out[p] = representative[p];
      }
    }
    return out == null ? shown : out;
  }

  private boolean active(int p) {
    return second[p] != null && !variable[p];
  }
}
