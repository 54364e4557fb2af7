package dev.sreagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code ./sre-agent redact} run in-process through {@link Main#run}. */
class RedactCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private CliContext context(InputStream in, OutputStream stdout) {
    return new CliContext(in, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of(), new Properties());
  }

  private static InputStream input(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Synthetic key, generated here: a prefix and 16 random base-32 chars. */
  private static String accessKey(Random r) {
    StringBuilder b = new StringBuilder("AK" + "IA");
    for (int i = 0; i < 16; i++) {
      b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(r.nextInt(32)));
    }
    return b.toString();
  }

  @Test
  void sameNumberOfLinesOutAndPlaceholdersStableAcrossTheStream() {
    Random r = new Random(5);
    String k1 = accessKey(r);
    String k2 = accessKey(r);
    String mail = "alice" + "@" + "example.com";
    String in = "start\n"
        + "key " + k1 + " rejected for " + mail + "\r\n"
        + "\n"
        + "retry with " + k2 + "\n"
        + "again " + k1 + " by " + mail + "\n"
        + "no trailing newline";

    int status = Main.run(new String[] {"redact", "--counts"}, context(input(in), out));

    assertThat(status).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).containsExactly(
        "start",
        "key <aws-access-key:1> rejected for <email:1>",
        "",
        "retry with <aws-access-key:2>",
        "again <aws-access-key:1> by <email:1>",
        "no trailing newline");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("aws-access-key=3\nemail=2\n");
  }

  @Test
  void invalidUtf8BecomesReplacementCharsAndKeepsTheLine() {
    byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28, 'b', '\n', 'c', '\n'};

    int status = Main.run(new String[] {"redact"}, context(new ByteArrayInputStream(bytes), out));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\uFFFD(b\nc\n");
  }

  @Test
  void aReadErrorExitsWithOneAndSaysSo() {
    InputStream failing = new InputStream() {
      private final InputStream first = input("one\ntwo\n");

      @Override
      public int read() throws IOException {
        int c = first.read();
        if (c < 0) {
          throw new IOException("device not ready");
        }
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = first.read(b, off, len);
        if (n < 0) {
          throw new IOException("device not ready");
        }
        return n;
      }
    };

    int status = Main.run(new String[] {"redact"}, context(failing, out));

    assertThat(status).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("sre-agent redact: cannot read standard input after 2 lines: device not ready\n");
  }

  @Test
  void aWriteErrorExitsWithOneAndSaysSo() {
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };

    int status = Main.run(new String[] {"redact"}, context(input("a\nb\nc\n"), broken));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("sre-agent redact: cannot write to standard output (after ")
        .endsWith(" lines read); nothing after that point was written\n");
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    int status = Main.run(new String[] {"redact", "--fast"}, context(input(""), out));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "sre-agent redact: unknown option '--fast'. Usage: ./sre-agent redact [--counts] [--config <file>] < in > out\n");
  }

  @Test
  void aBadRedactionConfigurationIsReportedWithTheKey() {
    CliContext io = new CliContext(input("x\n"), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("SRE_AGENT_REDACTION_KEEP_PII", "postcode"), new Properties());

    int status = Main.run(new String[] {"redact"}, io);

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sre-agent redact: Invalid value 'postcode' for sre-agent.redaction.keep-pii: "
        + "expected a comma-separated list of email, ip-address, card-number, phone-number, national-id, iban (unknown: postcode)\n");
  }

  @Test
  void helpListsTheCommand() {
    Main.run(new String[] {"--help"}, context(input(""), out));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("  redact     redact secrets and personal data");
  }
}
