package dev.sreagent.grouping.internal;

import java.util.Arrays;

/**
 * A masked message as a hash-map key. A <em>probe</em> points into a {@link Masker}'s scratch buffer so a
 * lookup allocates nothing; {@link #copy()} makes the immutable key that is stored. Not thread safe.
 */
public final class MaskedKey {
  private char[] chars;
  private int len;
  private int hash;

  private MaskedKey(char[] chars, int len, int hash) {
    this.chars = chars;
    this.len = len;
    this.hash = hash;
  }

  /** @return an empty probe */
  public static MaskedKey probe() {
    return new MaskedKey(new char[0], 0, 0);
  }

  /** Points this probe at {@code chars[0, len)}. */
  public void reset(char[] chars, int len) {
    this.chars = chars;
    this.len = len;
    int h = 1;
    for (int i = 0; i < len; i++) {
      h = 31 * h + chars[i];
    }
    this.hash = h;
  }

  /** @return an immutable copy */
  public MaskedKey copy() {
    return new MaskedKey(Arrays.copyOf(chars, len), len, hash);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskedKey k && k.len == len && k.hash == hash && Arrays.equals(chars, 0, len, k.chars, 0, len);
  }

  @Override
  public String toString() {
    return new String(chars, 0, len);
  }
}
