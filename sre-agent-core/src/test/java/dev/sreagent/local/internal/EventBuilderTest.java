package dev.sreagent.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBuilderTest {
  private static final Instant FALLBACK = Instant.parse("2026-02-02T00:00:00Z");

  private static LogEvent json(String line) throws Exception {
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(line);
    return new EventBuilder("app", Map.of("log.file", "app.log"), FALLBACK).build("id-1", new EventLines(0, 1, List.of(line), n, null));
  }

  private static LogEvent text(String... lines) {
    return new EventBuilder("app", Map.of(), FALLBACK).build("id-1", new EventLines(0, 1, List.of(lines), null, null));
  }

  @Test
  void mapsJsonFields() throws Exception {
    LogEvent e = json("{\"@timestamp\":\"2026-03-01T12:00:00.5+01:00\",\"level\":\"WARN\",\"msg\":\"slow\",\"service\":\"orders\","
        + "\"trace_id\":\"abc\",\"http\":{\"status\":503,\"path\":\"/x\"},\"tags\":[\"a\"],\"gone\":null}");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-03-01T11:00:00.5Z"));
    assertThat(e.severity()).isEqualTo(Severity.WARNING);
    assertThat(e.message()).isEqualTo("slow");
    assertThat(e.service()).isEqualTo("orders");
    assertThat(e.traceId()).isEqualTo("abc");
    assertThat(e.attributes()).containsExactlyInAnyOrderEntriesOf(
        Map.of("http.status", "503", "http.path", "/x", "tags", "[\"a\"]", "log.file", "app.log"));
  }

  @Test
  void appendsAJsonStackTraceAndDefaultsItsSeverityToError() throws Exception {
    LogEvent e = json("{\"ts\":1767225600123,\"message\":\"boom\",\"stack_trace\":\"java.lang.X: y\\n\\tat a.B(B.java:1)\"}");
    assertThat(e.message()).isEqualTo("boom\njava.lang.X: y\n\tat a.B(B.java:1)");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.timestamp()).isEqualTo(Instant.ofEpochMilli(1767225600123L));
    assertThat(e.service()).isEqualTo("app");
  }

  @Test
  void readsEpochSecondsAndKeepsFallbackForBadTimestamps() throws Exception {
    assertThat(json("{\"time\":1767225600.25,\"message\":\"x\"}").timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.250Z"));
    assertThat(json("{\"time\":\"yesterday\",\"message\":\"x\"}").timestamp()).isEqualTo(FALLBACK);
  }

  @Test
  void readsTextTimestampAndLevelWords() {
    LogEvent e = text("2026-01-01 10:00:00,123 ERROR [main] failed");
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(text("2026-01-01T10:00:00+0200 level=warn x").timestamp()).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
    assertThat(text("level=warn x").severity()).isEqualTo(Severity.WARNING);
    assertThat(text("[error] x").severity()).isEqualTo(Severity.ERROR);
    assertThat(text("FATAL out of memory").severity()).isEqualTo(Severity.CRITICAL);
    assertThat(text("nothing to see").severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(text("nothing to see", "\tat a.B(B.java:1)").severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void anEventWithoutTimestampTakesThePreviousOne() {
    EventBuilder b = new EventBuilder("app", Map.of(), FALLBACK);
    LogEvent first = b.build("1", new EventLines(0, 1, List.of("2026-05-05T05:05:05Z INFO a"), null, null));
    LogEvent second = b.build("2", new EventLines(1, 2, List.of("no time here"), null, null));
    assertThat(second.timestamp()).isEqualTo(first.timestamp());
  }

  @Test
  void keepsTheParseErrorOfABadJsonLine() {
    LogEvent e = new EventBuilder("app", Map.of(), FALLBACK)
        .build("1", new EventLines(0, 1, List.of("{bad ERROR"), null, "invalid JSON at column 2"));
    assertThat(e.attributes()).containsEntry("log.parse-error", "invalid JSON at column 2");
    assertThat(e.message()).isEqualTo("{bad ERROR");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
  }
}
