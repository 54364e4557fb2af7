package dev.sreagent.grouping.internal;

/** A fast 64-bit string hash (FNV-1a over UTF-16 units with a murmur3 finalizer) for fingerprints. Thread safe. */
public final class Hashing {
  private Hashing() {}

  /** @return a 64-bit hash of {@code s} */
  public static long hash64(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0, n = s.length(); i < n; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** @return {@code hash64(s)} as 16 lower-case hex digits */
  public static String hex64(CharSequence s) {
    String hex = Long.toHexString(hash64(s));
    return "0".repeat(16 - hex.length()) + hex;
  }
}
