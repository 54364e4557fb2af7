package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.local.internal.LineReader;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLogSourceTest {
  @TempDir Path dir;

  private Path log() {
    return dir.resolve("app.log");
  }

  private void write(String text) throws IOException {
    Files.writeString(log(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private LocalFileLogSource source(LogFormat format) {
    return LocalFileLogSource.builder(log()).format(format).linger(Duration.ZERO).build();
  }

  private static List<String> messages(LogBatch b) {
    return b.events().stream().map(LogEvent::message).toList();
  }

  @Test
  void doesNotConsumeAPartialLastLine() throws IOException {
    LocalFileLogSource s = source(LogFormat.JSON);
    write("{\"message\":\"one\",\"level\":\"error\"}\n{\"message\":\"tw");
    LogBatch first = s.poll(LogCursor.START, 10, Duration.ZERO);
    assertThat(messages(first)).containsExactly("one");
    write("o\",\"level\":\"error\"}\n");
    assertThat(messages(s.poll(first.next(), 10, Duration.ZERO))).containsExactly("two");
  }

  @Test
  void resumesAtTheExactByteAndIdsAreIdentityPlusOffset() throws IOException {
    write("ERROR a\nERROR b\nERROR c\n");
    LocalFileLogSource s = source(LogFormat.TEXT);
    LogBatch one = s.poll(LogCursor.START, 1, Duration.ZERO);
    assertThat(messages(one)).containsExactly("ERROR a");
    assertThat(one.next().value()).matches("f1\\.k[0-9a-f]{16}-8-[0-9a-f]{12}\\.8");
    assertThat(one.events().get(0).id()).matches("k[0-9a-f]{16}-8-[0-9a-f]{12}:0");
    LogBatch rest = source(LogFormat.TEXT).poll(one.next(), 10, Duration.ZERO);
    assertThat(messages(rest)).containsExactly("ERROR b", "ERROR c");
    assertThat(rest.events().get(0).id()).endsWith(":8");
  }

  @Test
  void followsARotatedFileFinishingTheOldOneFirst() throws IOException {
    write("ERROR old-1\nERROR old-2\n");
    LocalFileLogSource s = source(LogFormat.TEXT);
    LogBatch first = s.poll(LogCursor.START, 1, Duration.ZERO);
    assertThat(messages(first)).containsExactly("ERROR old-1");
    write("ERROR old-3 unterminated");
    Files.move(log(), dir.resolve("app.log.1"));
    write("ERROR new-1\n");
    List<String> seen = new ArrayList<>();
    LogCursor c = first.next();
    for (int i = 0; i < 5; i++) {
      LogBatch b = s.poll(c, 10, Duration.ZERO);
      seen.addAll(messages(b));
      c = b.next();
    }
    assertThat(seen).containsExactly("ERROR old-2", "ERROR old-3 unterminated", "ERROR new-1");
  }

  @Test
  void readsACopyTruncatedFileAgainFromTheStart() throws IOException {
    write("ERROR a long first line\n");
    LocalFileLogSource s = source(LogFormat.TEXT);
    LogBatch first = s.poll(LogCursor.START, 10, Duration.ZERO);
    Files.writeString(log(), "ERROR b\n");
    assertThat(messages(s.poll(first.next(), 10, Duration.ZERO))).containsExactly("ERROR b");
  }

  @Test
  void continuesWithANewFileWhenTheOldOneIsGone() throws IOException {
    write("ERROR a\n");
    LocalFileLogSource s = source(LogFormat.TEXT);
    LogBatch first = s.poll(LogCursor.START, 10, Duration.ZERO);
    Files.delete(log());
    write("ERROR fresh\n");
    assertThat(messages(s.poll(first.next(), 10, Duration.ZERO))).containsExactly("ERROR fresh");
  }

  @Test
  void replacesInvalidUtf8AndCutsHugeLines() throws IOException {
    byte[] bad = {'E', 'R', 'R', 'O', 'R', ' ', (byte) 0xC3, (byte) 0x28, 'x', '\n'};
    Files.write(log(), bad);
    write("ERROR " + "y".repeat(5000) + "\nERROR after\n");
    LocalFileLogSource s = LocalFileLogSource.builder(log()).format(LogFormat.TEXT).maxLineBytes(1024).linger(Duration.ZERO).build();
    List<String> m = messages(s.poll(LogCursor.START, 10, Duration.ZERO));
    assertThat(m).hasSize(3);
    assertThat(m.get(0)).isEqualTo("ERROR \uFFFD(x");
    assertThat(m.get(1)).hasSize(1024 + (LineReader.CUT_MARKER + "3982 bytes omitted]").length())
        .endsWith(LineReader.CUT_MARKER + "3982 bytes omitted]");
    assertThat(m.get(2)).isEqualTo("ERROR after");
  }

  @Test
  void keepsInvalidJsonLinesAsTextWithTheirError() throws IOException {
    write("{\"message\":\"ok\",\"level\":\"error\"}\n{\"message\": broken ERROR\n");
    List<LogEvent> events = source(LogFormat.JSON).poll(LogCursor.START, 10, Duration.ZERO).events();
    assertThat(events).hasSize(2);
    assertThat(events.get(1).message()).isEqualTo("{\"message\": broken ERROR");
    assertThat(events.get(1).attributes()).containsEntry("log.parse-error", "invalid JSON at column 13");
  }

  @Test
  void holdsTheLastTextEventUntilTheFileIsQuiet() throws IOException {
    write("ERROR failed\njava.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)\n");
    Instant modified = Instant.parse("2026-01-01T00:00:00Z");
    Files.setLastModifiedTime(log(), FileTime.from(modified));
    Clock early = Clock.fixed(modified.plusMillis(500), ZoneOffset.UTC);
    Clock late = Clock.fixed(modified.plusSeconds(3), ZoneOffset.UTC);
    LocalFileLogSource waiting = LocalFileLogSource.builder(log()).format(LogFormat.TEXT).linger(Duration.ofSeconds(2)).clock(early).build();
    LogBatch held = waiting.poll(LogCursor.START, 10, Duration.ZERO);
    assertThat(held.events()).isEmpty();
    assertThat(held.next().value()).endsWith(".0");
    LocalFileLogSource quiet = LocalFileLogSource.builder(log()).format(LogFormat.TEXT).linger(Duration.ofSeconds(2)).clock(late).build();
    assertThat(messages(quiet.poll(LogCursor.START, 10, Duration.ZERO)))
        .containsExactly("ERROR failed\njava.lang.IllegalStateException: x\n\tat a.B.c(B.java:1)");
  }

  @Test
  void aFollowingLineReleasesTheEventBeforeIt() throws IOException {
    write("ERROR failed\n\tat a.B.c(B.java:1)\nINFO next\n");
    LocalFileLogSource s = LocalFileLogSource.builder(log()).format(LogFormat.TEXT).linger(Duration.ofHours(1)).build();
    assertThat(messages(s.poll(LogCursor.START, 10, Duration.ZERO))).containsExactly("ERROR failed\n\tat a.B.c(B.java:1)");
  }

  @Test
  void pagesThroughManyEventsWithSmallPolls() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      sb.append("ERROR event ").append(i).append('\n');
      if (i % 10 == 0) {
        sb.append("\tat a.B.c(B.java:").append(i).append(")\n\n\n");
      }
    }
    write(sb.toString());
    LocalFileLogSource s = source(LogFormat.TEXT);
    List<String> seen = new ArrayList<>();
    LogCursor c = LogCursor.START;
    for (int i = 0; i < 400 && seen.size() < 1000; i++) {
      LogBatch b = s.poll(c, 3, Duration.ZERO);
      assertThat(b.events().size()).isLessThanOrEqualTo(3);
      b.events().forEach(e -> seen.add(e.message().lines().findFirst().orElseThrow()));
      c = b.next();
    }
    assertThat(seen).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.get(i)).isEqualTo("ERROR event " + i);
    }
  }

  @Test
  void aMissingFileGivesNoEventsAndKeepsTheCursor() {
    LogBatch b = source(LogFormat.AUTO).poll(LogCursor.START, 10, Duration.ZERO);
    assertThat(b.events()).isEmpty();
    assertThat(b.next()).isEqualTo(LogCursor.START);
  }

  @Test
  void theServiceDefaultsToTheFileName() throws IOException {
    write("ERROR x\n");
    assertThat(source(LogFormat.TEXT).poll(LogCursor.START, 10, Duration.ZERO).events().get(0).service()).isEqualTo("app");
  }

  @Test
  void waitsForEventsUpToMaxWait() throws Exception {
    LocalFileLogSource s = source(LogFormat.JSON);
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(100);
        write("{\"message\":\"late\"}\n");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    LogBatch b = s.poll(LogCursor.START, 10, Duration.ofSeconds(5));
    writer.join();
    assertThat(messages(b)).containsExactly("late");
  }
}
