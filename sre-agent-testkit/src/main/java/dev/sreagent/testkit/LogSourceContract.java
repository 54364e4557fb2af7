package dev.sreagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.LogSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@link LogSource} contract: cursor-based pull that resumes without loss or duplicates.
 *
 * <p><b>How to extend.</b> In your provider module's tests, subclass it and implement
 * {@link #createSource()} (a new source over the same log each call: the contract calls it again to
 * simulate a restart) and {@link #append(List)} (write one event per message, at ERROR severity, to the log
 * the source reads, in order; for a cloud log service, stub the service so the events appear). Set the
 * fixture up in your own {@code @BeforeEach}; the contract creates sources lazily inside each test. Override
 * {@link #pollWait()} / {@link #eventualTimeout()} for services with ingestion lag and
 * {@link #supportsCursorValidation()} when the source cannot tell a foreign cursor.
 *
 * <pre>{@code
 * class MyLogSourceContractTest extends LogSourceContract {
 *   @TempDir Path dir;
 *   protected LogSource createSource() { return MyLogSource.over(dir.resolve("app.log")); }
 *   protected void append(List<String> messages) { ...write lines... }
 * }
 * }</pre>
 *
 * Each test marks its messages with a unique prefix and only looks at events carrying it, so a shared log
 * may hold other events. An event's message must contain the appended message; it may carry more (a level
 * word, a stack trace).
 */
public abstract class LogSourceContract {
  private final List<LogSource> opened = new ArrayList<>();
  private final String marker = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  /** @return a new source over the log {@link #append} writes to */
  protected abstract LogSource createSource();

  /** Appends one ERROR event per message, in order, to the log the source reads. */
  protected abstract void append(List<String> messages);

  /** @return the {@code maxWait} of each poll (default 200ms) */
  protected Duration pollWait() {
    return Duration.ofMillis(200);
  }

  /** @return how long appended events may take to become readable (default 10s) */
  protected Duration eventualTimeout() {
    return Duration.ofSeconds(10);
  }

  /** @return true when the source rejects a cursor it did not make with a NonRetriableException (default true) */
  protected boolean supportsCursorValidation() {
    return true;
  }

  /** @return true when {@link #appendRaw(byte[])} is implemented (default false) */
  protected boolean supportsRawAppend() {
    return false;
  }

  /**
   * Appends raw bytes to the log (a file source: the bytes as they are). Used to check that malformed
   * input (invalid UTF-8, a huge line, broken JSON) neither fails the source nor loses the events after it.
   */
  protected void appendRaw(byte[] bytes) {
    throw new UnsupportedOperationException("override appendRaw when supportsRawAppend() is true");
  }

  @AfterEach
  void closeSources() {
    opened.forEach(LogSource::close);
    opened.clear();
  }

  private LogSource source() {
    LogSource s = createSource();
    opened.add(s);
    return s;
  }

  private List<String> messages(int from, int count) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(marker + i + " failed to process order " + (1000 + i));
    }
    return out;
  }

  private record Read(List<LogEvent> events, LogCursor cursor) {}

  /** Polls with at most {@code maxPerPoll} events until {@code expected} of ours are read or time is up. */
  private Read readOurs(LogSource source, LogCursor from, int expected, int maxPerPoll) {
    List<LogEvent> ours = new ArrayList<>();
    LogCursor cursor = from;
    long deadline = System.nanoTime() + eventualTimeout().toNanos();
    while (ours.size() < expected && System.nanoTime() < deadline) {
      LogBatch b = source.poll(cursor, maxPerPoll, pollWait());
      assertThat(b.events().size()).as("a poll returns at most maxEvents events").isLessThanOrEqualTo(maxPerPoll);
      for (LogEvent e : b.events()) {
        if (e.message().contains(marker)) {
          ours.add(e);
        }
      }
      cursor = b.next();
    }
    return new Read(ours, cursor);
  }

  /** @return for each event, the appended message its text holds (sources may add a stack trace or level word), or its first line */
  private List<String> texts(List<LogEvent> events) {
    return events.stream().map(e -> {
      int at = e.message().indexOf(marker);
      if (at < 0) {
        return e.message().lines().findFirst().orElse("");
      }
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(marker) + "\\d+ failed to process order \\d+")
          .matcher(e.message());
      return m.find() ? m.group() : e.message();
    }).toList();
  }

  @Test
  void readsAppendedEventsInOrder() {
    append(messages(0, 3));
    Read r = readOurs(source(), LogCursor.START, 3, 100);
    assertThat(texts(r.events())).containsExactlyElementsOf(messages(0, 3));
    assertThat(r.events()).allSatisfy(e -> {
      assertThat(e.severity().isError()).as("severity of an appended ERROR event").isTrue();
      assertThat(e.id()).isNotBlank();
    });
  }

  @Test
  void resumesFromCursorWithoutLossOrDuplicates() {
    append(messages(0, 7));
    Read first = readOurs(source(), LogCursor.START, 7, 2);
    assertThat(texts(first.events())).as("paging two at a time").containsExactlyElementsOf(messages(0, 7));
    Set<String> ids = new HashSet<>();
    first.events().forEach(e -> assertThat(ids.add(e.id())).as("event id %s seen twice", e.id()).isTrue());

    append(messages(7, 3));
    Read resumed = readOurs(source(), first.cursor(), 3, 100);
    assertThat(texts(resumed.events())).as("after a restart from the checkpointed cursor").containsExactlyElementsOf(messages(7, 3));
    resumed.events().forEach(e -> assertThat(ids.add(e.id())).as("event id %s seen twice", e.id()).isTrue());

    LogBatch again = source().poll(resumed.cursor(), 100, pollWait());
    assertThat(texts(again.events())).as("nothing after the last cursor").noneMatch(t -> t.contains(marker));
  }

  @Test
  void sameCursorGivesSameEvents() {
    append(messages(0, 4));
    LogSource s = source();
    Read first = readOurs(s, LogCursor.START, 1, 1);
    assertThat(first.events()).hasSize(1);
    Read a = readOurs(s, first.cursor(), 3, 100);
    Read b = readOurs(source(), first.cursor(), 3, 100);
    assertThat(a.events()).extracting(LogEvent::id).containsExactlyElementsOf(b.events().stream().map(LogEvent::id).toList());
    assertThat(texts(a.events())).containsExactlyElementsOf(messages(1, 3));
  }

  @Test
  void emptyPollKeepsAUsableCursor() {
    append(messages(0, 2));
    LogSource s = source();
    Read all = readOurs(s, LogCursor.START, 2, 100);
    assertThat(all.events()).hasSize(2);
    LogBatch empty = s.poll(all.cursor(), 10, Duration.ZERO);
    assertThat(texts(empty.events())).noneMatch(t -> t.contains(marker));
    append(messages(2, 1));
    Read next = readOurs(s, empty.next(), 1, 100);
    assertThat(texts(next.events())).containsExactlyElementsOf(messages(2, 1));
  }

  @Test
  void malformedInputLosesNothingAfterIt() {
    Assumptions.assumeTrue(supportsRawAppend(), "the log cannot be given raw bytes");
    append(messages(0, 1));
    java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
    raw.writeBytes(new byte[] {'{', '"', 'm', '"', ':', (byte) 0xC3, (byte) 0x28, '\n'});
    raw.writeBytes(("{\"message\": \"" + "x".repeat(2_000_000) + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    raw.writeBytes("{not json at all\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    appendRaw(raw.toByteArray());
    append(messages(1, 2));
    Read r = readOurs(source(), LogCursor.START, 3, 100);
    assertThat(texts(r.events())).containsExactlyElementsOf(messages(0, 3));
  }

  @Test
  void rejectsACursorItDidNotMake() {
    Assumptions.assumeTrue(supportsCursorValidation(), "the source does not validate cursors");
    LogSource s = source();
    assertThatThrownBy(() -> s.poll(new LogCursor("not-a-cursor-of-this-source"), 10, Duration.ZERO))
        .isInstanceOf(NonRetriableException.class);
  }
}
