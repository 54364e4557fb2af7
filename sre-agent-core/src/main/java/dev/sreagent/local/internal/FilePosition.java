package dev.sreagent.local.internal;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.LogCursor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a log file: the file's {@link FileIdentity} token and a byte offset. Encoded in a
 * {@link LogCursor} as {@code f1.<identity>.<offset>}.
 *
 * @param identity the file's identity token
 * @param offset bytes from the file's start; always at a line start
 */
public record FilePosition(String identity, long offset) {
  private static final Pattern FORM = Pattern.compile("f1\\.([kc][a-z0-9-]{1,80})\\.(\\d{1,18})");

  /** Validates. */
  public FilePosition {
    if (offset < 0) {
      throw new IllegalArgumentException("offset cannot be negative");
    }
  }

  /** @return the cursor */
  public LogCursor toCursor() {
    return new LogCursor("f1." + identity + "." + offset);
  }

  /**
   * @return the position in {@code cursor}
   * @throws NonRetriableException when the cursor was not made by the local file log source
   */
  public static FilePosition parse(LogCursor cursor) {
    Matcher m = FORM.matcher(cursor.value());
    if (!m.matches()) {
      throw new NonRetriableException("Cursor '" + printable(cursor.value())
          + "' was not made by the local file log source (expected f1.<file identity>.<offset>): reset the agent's checkpoint");
    }
    return new FilePosition(m.group(1), Long.parseLong(m.group(2)));
  }

  private static String printable(String s) {
    String p = s.replaceAll("[^\\x20-\\x7e]", "?");
    return p.length() > 100 ? p.substring(0, 100) + "…" : p;
  }
}
