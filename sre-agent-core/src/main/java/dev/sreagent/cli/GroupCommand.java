package dev.sreagent.cli;

import dev.sreagent.grouping.Group;
import dev.sreagent.grouping.Grouper;
import dev.sreagent.grouping.GroupingConfig;
import dev.sreagent.grouping.LogNormalizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code group}: reads one message per line on standard input and prints one group id (the fingerprint) per
 * line on standard output, in order. Lines end with {@code \n} ({@code \r\n} accepted); invalid UTF-8 is
 * replaced, and a line longer than {@code sre-agent.grouping.max-line-length} characters is cut (its bytes past
 * four times the limit are skipped without being held in memory). Uses the grouping configuration (defaults
 * unless {@code sre-agent.grouping.*} is set or {@code --config} given).
 *
 * <p>Lines are grouped in batches of {@code --batch} lines (default {@value #DEFAULT_BATCH}), as the agent groups
 * each poll: within a batch, whether a position names two alternatives or is a variable is decided with the
 * whole batch in view. Each batch is printed (and flushed) once read; {@code --batch 1} prints each line's group
 * at once, from the lines before it only.
 */
final class GroupCommand implements Command {
  /** Lines per batch unless {@code --batch} is given. */
  static final int DEFAULT_BATCH = 1000;
  private static final String USAGE = "Usage: ./sre-agent group [--config file] [--batch lines] < messages.txt";

  @Override
  public String name() {
    return "group";
  }

  @Override
  public String summary() {
    return "read one message per line on stdin, print one group id per line on stdout, in order (--batch N: lines grouped together, default " + DEFAULT_BATCH + ")";
  }

  @Override
  public int run(List<String> args, CliContext io) throws IOException {
    int batch = DEFAULT_BATCH;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--config")) {
        i++;
      } else if (args.get(i).equals("--batch")) {
        String n = i + 1 < args.size() ? args.get(++i) : "";
        try {
          batch = Integer.parseInt(n);
        } catch (NumberFormatException e) {
          batch = 0;
        }
        if (batch < 1 || batch > 1_000_000) {
          io.err().println("sre-agent group: --batch needs a number of lines from 1 to 1000000, got '" + n + "'. " + USAGE);
          return 2;
        }
      } else {
        io.err().println("sre-agent group: unknown argument '" + args.get(i) + "'. " + USAGE);
        return 2;
      }
    }
    GroupingConfig config = GroupingConfig.from(CliConfig.load(args, io));
    Grouper grouper = Grouper.create(config);
    int maxChars = config.maxLineLength();
    long maxBytes = Math.min(Integer.MAX_VALUE - 16, 4L * maxChars);
    PrintStream out = io.out();
    Writer w = new OutputStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
    LineReader reader = new LineReader(io.in(), (int) maxBytes);
    List<String> messages = new ArrayList<>(Math.min(batch, 4096));
    byte[] line;
    do {
      line = reader.next();
      if (line != null) {
        String message = LogNormalizer.decodeUtf8(line, 0, reader.length());
        messages.add(message.length() > maxChars ? message.substring(0, maxChars) : message);
      }
      if (messages.size() == batch || (line == null && !messages.isEmpty())) {
        for (Group g : grouper.groupAll(messages)) {
          w.write(g.fingerprint());
          w.write('\n');
        }
        w.flush();
        messages.clear();
      }
    } while (line != null);
    return 0;
  }

  /** Reads lines of bytes, keeping at most {@code max} bytes of each. */
  static final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[256];
    private int length;
    private boolean eof;

    LineReader(InputStream in, int max) {
      this.in = in;
      this.max = max;
    }

    /** @return the buffer holding the next line (valid up to {@link #length()}), or null at the end */
    byte[] next() throws IOException {
      if (eof && pos >= end) {
        return null;
      }
      length = 0;
      boolean any = false;
      while (true) {
        if (pos >= end) {
          end = in.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            eof = true;
            return any ? trimmed() : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        append(start, pos);
        if (pos < end) {
          pos++; // the newline
          return trimmed();
        }
      }
    }

    int length() {
      return length;
    }

    private byte[] trimmed() {
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      return line;
    }

    private void append(int from, int to) {
      int n = Math.min(to - from, max - length);
      if (n <= 0) {
        return;
      }
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(length + n, Math.min(max, line.length * 2)));
      }
      System.arraycopy(buf, from, line, length, n);
      length += n;
    }
  }
}
