package dev.sreagent.github.internal;

import dev.sreagent.spi.ChangeKey;

/**
 * How a change key is written where GitHub keeps it, so the change or report is found again: the branch
 * name, a trailer in the commit message, and a hidden HTML comment on the <em>first line</em> of a report's
 * or pull request's body. Only the first line counts: the rest of a body quotes untrusted log text, which
 * could contain a marker for another key.
 */
public final class Markers {
  /** Prefix of every branch the agent creates. */
  public static final String BRANCH_PREFIX = "sre-agent/";
  /** The commit-message trailer naming the change key. */
  public static final String TRAILER = "Sre-Agent-Change-Key: ";

  private Markers() {}

  /** @return {@code sre-agent/<key>} */
  public static String branch(ChangeKey key) {
    return BRANCH_PREFIX + key.value();
  }

  /** @return the hidden marker that opens a report's or pull request's body */
  public static String body(ChangeKey key) {
    return "<!-- sre-agent:key=" + key.value() + " -->";
  }

  /** @return the hidden marker that opens an evidence comment */
  public static String evidence(ChangeKey key) {
    return "<!-- sre-agent:evidence key=" + key.value() + " -->";
  }

  /** @return true when the first line of {@code text} is {@code marker} */
  public static boolean startsWith(String text, String marker) {
    if (!text.startsWith(marker)) {
      return false;
    }
    String rest = text.substring(marker.length());
    return rest.isEmpty() || rest.startsWith("\n") || rest.startsWith("\r\n");
  }

  /** @return true when the commit message carries the trailer for {@code key} on a line of its own */
  public static boolean hasTrailer(String message, ChangeKey key) {
    for (String line : message.split("\\R")) {
      if (line.equals(TRAILER + key.value())) {
        return true;
      }
    }
    return false;
  }
}
