package dev.sreagent.grouping.internal;

/**
 * Units of size and duration. Written after a number ({@code 5.2 KB}, {@code 30 seconds}) a unit is part of
 * the value: the {@link Masker} masks it with the number.
 */
public final class Units {
  private static final String[] UNITS = {
    "B", "KB", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB", "byte", "bytes",
    "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
    "h", "hr", "hrs", "hour", "hours", "day", "days", "millisecond", "milliseconds", "microsecond",
    "microseconds", "nanosecond", "nanoseconds"};

  private Units() {}

  /** @return true when {@code chars[from, to)} is a unit */
  public static boolean contains(char[] chars, int from, int to) {
    int n = to - from;
    for (String unit : UNITS) {
      if (unit.length() == n && same(unit, chars, from)) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(String unit, char[] chars, int from) {
    for (int k = 0; k < unit.length(); k++) {
      if (chars[from + k] != unit.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
