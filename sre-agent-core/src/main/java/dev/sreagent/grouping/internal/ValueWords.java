package dev.sreagent.grouping.internal;

/**
 * Words that belong to a value rather than to the event a message reports: units of size and duration
 * (written after a number, {@code 5.2 KB}, {@code 30 seconds}: the {@link Masker} masks them with the number)
 * and names of days and months (a date written in words, {@code at Sat Jul  9 12:16:52 2005}: never a pair of
 * alternatives, and free to vary within a template).
 */
public final class ValueWords {
  private static final String[] UNITS = {
    "B", "KB", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB", "byte", "bytes",
    "ns", "us", "\u00b5s", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes",
    "h", "hr", "hrs", "hour", "hours", "day", "days", "millisecond", "milliseconds", "microsecond",
    "microseconds", "nanosecond", "nanoseconds"};

  private static final java.util.Set<String> CALENDAR = java.util.Set.of(
      "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
      "January", "February", "March", "April", "June", "July", "August", "September", "October", "November",
      "December");

  private ValueWords() {}

  /** @return true when {@code token}, without trailing punctuation, names a day or a month */
  public static boolean calendar(String token) {
    int e = token.length();
    while (e > 0 && ",;)]}.\"'".indexOf(token.charAt(e - 1)) >= 0) {
      e--;
    }
    return CALENDAR.contains(e == token.length() ? token : token.substring(0, e));
  }

  /** @return true when {@code chars[from, to)} is a unit of size or duration */
  public static boolean unit(char[] chars, int from, int to) {
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
