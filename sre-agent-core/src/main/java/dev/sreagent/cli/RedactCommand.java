package dev.sreagent.cli;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.redact.DefaultRedactor;
import dev.sreagent.redact.LineRedactor;
import dev.sreagent.redact.RedactionSession;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code redact}: reads lines on standard input and writes the same number of redacted lines on standard
 * output, with one placeholder scope for the whole stream. Invalid UTF-8 becomes U+FFFD. With
 * {@code --counts}, prints the counts per kind on standard error at the end.
 */
final class RedactCommand implements Command {
  @Override
  public String name() {
    return "redact";
  }

  @Override
  public String summary() {
    return "redact secrets and personal data from lines on stdin to stdout (one line out per line in)";
  }

  @Override
  public int run(List<String> args, CliContext io) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--config")) {
        i++;
      } else if (!a.equals("--counts")) {
        io.err().println("sre-agent redact: unknown option '" + a + "'. Usage: ./sre-agent redact [--counts] [--config <file>] < in > out");
        return 2;
      }
    }
    ConfigProperties config = CliConfig.load(args, io);
    RedactionSession session = DefaultRedactor.fromConfig(config, e -> { }).newSession();
    LineRedactor lines = new LineRedactor(session);
    BufferedReader in = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    Writer out = new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
    long count = 0;
    try {
      String line;
      while (true) {
        try {
          line = in.readLine();
        } catch (IOException e) {
          flushQuietly(out);
          io.err().println("sre-agent redact: cannot read standard input after " + count + " lines: " + e.getMessage());
          return 1;
        }
        if (line == null) {
          break;
        }
        out.write(lines.redactLine(line));
        out.write('\n');
        count++;
        if (!in.ready()) {
          out.flush();
        }
        if (io.out().checkError()) {
          return writeFailed(io, count);
        }
      }
      out.flush();
    } catch (IOException e) {
      return writeFailed(io, count);
    }
    if (io.out().checkError()) {
      return writeFailed(io, count);
    }
    if (args.contains("--counts")) {
      for (Map.Entry<String, Long> e : session.counts().entrySet()) {
        io.err().println(e.getKey() + "=" + e.getValue());
      }
    }
    return 0;
  }

  private static int writeFailed(CliContext io, long count) {
    io.err().println("sre-agent redact: cannot write to standard output (after " + count
        + " lines read); nothing after that point was written");
    return 1;
  }

  private static void flushQuietly(Writer out) {
    try {
      out.flush();
    } catch (IOException ignored) {
      // the read error is the one to report
    }
  }
}
