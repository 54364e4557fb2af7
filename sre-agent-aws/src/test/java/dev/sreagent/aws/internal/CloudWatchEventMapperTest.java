package dev.sreagent.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** How CloudWatch events become LogEvents: Lambda formats, level words, JSON fields. */
class CloudWatchEventMapperTest {

  static LogEvent map(String message) {
    return CloudWatchEventMapper.map("/aws/lambda/orders", "2026/11/26/[$LATEST]abc", "37", 1_700_000_000_000L, 1_700_000_000_100L, message);
  }

  @Test
  void lambdaUnhandledErrorJoinsTypeMessageAndStack() {
    LogEvent e = map("{\"errorType\":\"TypeError\",\"errorMessage\":\"Cannot read properties of undefined\","
        + "\"stackTrace\":[\"TypeError: Cannot read properties of undefined\",\"    at handler (/var/task/index.js:3:9)\"]}");
    assertThat(e.message()).isEqualTo("TypeError: Cannot read properties of undefined\nTypeError: Cannot read properties of undefined\n"
        + "    at handler (/var/task/index.js:3:9)");
    assertThat(e.severity()).isEqualTo(Severity.UNKNOWN);
    assertThat(e.id()).isEqualTo("/aws/lambda/orders:37");
    assertThat(e.service()).isEqualTo("/aws/lambda/orders");
    assertThat(e.attributes()).containsEntry("aws.log-stream", "2026/11/26/[$LATEST]abc")
        .containsEntry("aws.ingestion-time", Instant.ofEpochMilli(1_700_000_000_100L).toString());
  }

  @Test
  void lambdaJsonLogFormatGivesLevelMessageAndRequestId() {
    LogEvent e = map("{\"timestamp\":\"2026-11-26T12:00:00Z\",\"level\":\"ERROR\",\"message\":\"payment failed\",\"requestId\":\"r-1\"}");
    assertThat(e.severity()).isEqualTo(Severity.ERROR);
    assertThat(e.message()).isEqualTo("payment failed");
    assertThat(e.attributes()).containsEntry("requestId", "r-1").containsEntry("timestamp", "2026-11-26T12:00:00Z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[ERROR]\t2026-11-26T12:00:00.000Z\tr-1\tboom | ERROR",
      "2026-11-26 12:00:00 WARN  c.e.Cache - slow | WARNING",
      "FATAL: database is down | CRITICAL",
      "Traceback (most recent call last): | ERROR",
      "java.lang.NullPointerException: x | ERROR",
      "panic: runtime error: index out of range | ERROR",
      "the errors table was vacuumed | UNKNOWN"})
  void textSeverityIsTheFirstLevelWordOrAnErrorHint(String message, Severity expected) {
    assertThat(map(message).severity()).isEqualTo(expected);
  }

  @Test
  void nestedFieldsAreFlattenedAndLongValuesCut() {
    LogEvent e = map("{\"severity\":\"warning\",\"msg\":\"m\",\"http\":{\"status\":503,\"path\":\"/pay\"},\"tags\":[\"a\",\"b\"],\"big\":\""
        + "x".repeat(2000) + "\"}");
    assertThat(e.severity()).isEqualTo(Severity.WARNING);
    assertThat(e.attributes()).containsEntry("http.status", "503").containsEntry("http.path", "/pay").containsEntry("tags", "[\"a\",\"b\"]");
    assertThat(e.attributes().get("big")).hasSize(1025).endsWith("…");
  }
}
