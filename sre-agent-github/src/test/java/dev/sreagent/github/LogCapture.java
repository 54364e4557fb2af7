package dev.sreagent.github;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what is logged while it is open: slf4j-simple's lines (it writes to the current System.err) and
 * java.util.logging records of github-api at every level.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StringBuilder jul = new StringBuilder();
  private final Logger gitHubLogger = Logger.getLogger("org.kohsuke.github");
  private final Level originalLevel = gitHubLogger.getLevel();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (jul) {
        jul.append(r.getLevel()).append(' ').append(r.getMessage()).append('\n');
        if (r.getThrown() != null) {
          jul.append(r.getThrown()).append('\n');
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    gitHubLogger.setLevel(Level.ALL);
    gitHubLogger.addHandler(handler);
  }

  /** @return everything captured so far */
  String text() {
    System.err.flush();
    synchronized (jul) {
      return err.toString(StandardCharsets.UTF_8) + jul;
    }
  }

  @Override
  public void close() {
    System.setErr(originalErr);
    gitHubLogger.removeHandler(handler);
    gitHubLogger.setLevel(originalLevel);
    originalErr.print(text());
  }
}
