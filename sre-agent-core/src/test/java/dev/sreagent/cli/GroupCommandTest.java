package dev.sreagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GroupCommandTest {
  private record Result(int status, List<String> out, String err) {}

  private static Result run(byte[] stdin, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext io = new CliContext(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, new Properties());
    int status = Main.run(args, io);
    String text = out.toString(StandardCharsets.UTF_8);
    return new Result(status, text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1),
        err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
  }

  @Test
  void printsOneGroupIdPerLineInOrder() {
    Result r = run("""
        Connection to 10.0.0.1 timed out after 30s
        Disk /dev/sda1 is 91% full
        Connection to 10.0.0.7 timed out after 5s
        Disk /dev/sdb2 is 97% full
        """, "group");
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).hasSize(4);
    assertThat(r.out()).allSatisfy(id -> assertThat(id).matches("fp2:t:[0-9a-f]{16}"));
    assertThat(r.out().get(0)).isEqualTo(r.out().get(2)).isNotEqualTo(r.out().get(1));
    assertThat(r.out().get(1)).isEqualTo(r.out().get(3));
  }

  @Test
  void emptyInputGivesNoOutput() {
    Result r = run("", "group");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEmpty();
  }

  @Test
  void emptyLinesCrlfAndAMissingLastNewlineKeepOneIdPerLine() {
    Result r = run("a 1\r\n\r\n\na 2", "group");
    assertThat(r.out()).hasSize(4);
    assertThat(r.out().get(0)).isEqualTo(r.out().get(3));
    assertThat(r.out().get(1)).isEqualTo(r.out().get(2)).isNotEqualTo(r.out().get(0));
  }

  @Test
  void invalidUtf8AndHugeLinesDoNotStopIt() {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes(new byte[] {'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, ' ', (byte) 0xFF, '\n'});
    in.writeBytes(("huge " + "z".repeat(3_000_000) + "\n").getBytes(StandardCharsets.UTF_8));
    in.writeBytes(new byte[] {0, 1, 2, '\n'});
    in.writeBytes("after all that 42\n".getBytes(StandardCharsets.UTF_8));
    Result r = run(in.toByteArray(), Map.of(), "group");
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).hasSize(4).doesNotHaveDuplicates();
  }

  @Test
  void rulesFromAConfigFileApply() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sre-agent", ".properties");
    try {
      java.nio.file.Files.writeString(file, "sre-agent.grouping.override.db.pattern=(?i)connection refused\n"
          + "sre-agent.grouping.ignore.health=^GET /health\n");
      Result r = run("Connection refused: db-1:5432\nGET /health 200\nconnection refused by peer\n", "group", "--config", file.toString());
      assertThat(r.status()).isZero();
      assertThat(r.out()).containsExactly("fp1:o:db", "fp1:i:health", "fp1:o:db");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void unknownArgumentsAreAUsageError() {
    Result r = run("x\n", "group", "--fast");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sre-agent group: unknown argument '--fast'. Usage: ./sre-agent group [--config file] [--batch lines] < messages.txt"
        + System.lineSeparator());
  }

  @Test
  void aBatchIsGroupedWithTheWholeBatchInViewAndBatchOneStreams() {
    String input = "layout pass begin for window 7\nlayout pass end for window 9\nlayout pass retry for window 4\n";
    Result batched = run(input, "group");
    assertThat(batched.status()).isZero();
    assertThat(batched.out()).hasSize(3).containsOnly(batched.out().get(0));
    Result streaming = run(input, "group", "--batch", "1");
    assertThat(streaming.out()).hasSize(3);
    assertThat(streaming.out().get(1)).isNotEqualTo(streaming.out().get(0));
    assertThat(streaming.out().get(2)).isEqualTo(streaming.out().get(0));
    Result pairs = run(input + input, "group", "--batch", "2");
    assertThat(pairs.out()).hasSize(6);
    assertThat(pairs.out().get(1)).isNotEqualTo(pairs.out().get(0));
  }

  @Test
  void aBadBatchSizeIsAUsageError() {
    for (String bad : List.of("0", "lots", "1000001")) {
      Result r = run("x\n", "group", "--batch", bad);
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("sre-agent group: --batch needs a number of lines from 1 to 1000000, got '" + bad
          + "'. Usage: ./sre-agent group [--config file] [--batch lines] < messages.txt" + System.lineSeparator());
    }
    Result missing = run("x\n", "group", "--batch");
    assertThat(missing.err()).startsWith("sre-agent group: --batch needs a number of lines from 1 to 1000000, got ''.");
  }

  @Test
  void badGroupingConfigurationIsReportedWithTheFix() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("sre-agent", ".properties");
    try {
      java.nio.file.Files.writeString(file, "sre-agent.grouping.max-line-length=10\n");
      Result r = run("x\n", "group", "--config", file.toString());
      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("sre-agent group: Invalid value '10' for sre-agent.grouping.max-line-length: "
          + "expected a whole number from 256 to 67108864" + System.lineSeparator());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void helpListsTheCommand() {
    Result r = run("", "--help");
    assertThat(r.status()).isZero();
    assertThat(String.join("\n", r.out())).contains("  group      read one message per line on stdin, print one group id per line on stdout, in order (--batch N: lines grouped together, default 1000)");
  }
}
