package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogNormalizerTest {
  private static LogEvent event(Severity severity, String service, String message, Map<String, String> attrs) {
    return new LogEvent("id-1", Instant.parse("2026-11-26T10:00:00Z"), severity, service, message, null, attrs);
  }

  @Test
  void cleanEventsComeBackUnchanged() {
    LogEvent e = event(Severity.ERROR, "cart", "all good", Map.of());
    assertThat(LogNormalizer.create().normalize(e)).isSameAs(e);
  }

  @Test
  void longMessagesAreCutWithAMarker() {
    GroupingConfig c = new GroupingConfig(300, 10, 0.5, List.of(), 5, List.of(), List.of());
    LogEvent e = LogNormalizer.create(c).normalize(event(Severity.ERROR, "s", "x".repeat(1000), Map.of()));
    assertThat(e.message()).isEqualTo("x".repeat(300) + "…[truncated 700 chars]");
  }

  @Test
  void theCutNeverSplitsASurrogatePair() {
    GroupingConfig c = new GroupingConfig(300, 10, 0.5, List.of(), 5, List.of(), List.of());
    String s = "a".repeat(299) + "\uD83D\uDE00" + "tail";
    LogEvent e = LogNormalizer.create(c).normalize(event(Severity.ERROR, "s", s, Map.of()));
    assertThat(e.message()).isEqualTo("a".repeat(299) + "…[truncated 6 chars]");
  }

  @Test
  void loneSurrogatesAndNulBecomeReplacementCharacters() {
    LogEvent e = LogNormalizer.create().normalize(event(Severity.ERROR, "s", "a\uD800b\u0000c\uDC00 \uD83D\uDE00", Map.of()));
    assertThat(e.message()).isEqualTo("a\uFFFDb\uFFFDc\uFFFD \uD83D\uDE00");
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() {
    byte[] bytes = {'o', 'k', ' ', (byte) 0xC3, ' ', (byte) 0xFF, (byte) 0xE2, (byte) 0x82};
    assertThat(LogNormalizer.decodeUtf8(bytes, 0, bytes.length)).isEqualTo("ok \uFFFD \uFFFD\uFFFD");
    byte[] good = "grüße".getBytes(StandardCharsets.UTF_8);
    assertThat(LogNormalizer.decodeUtf8(good, 0, good.length)).isEqualTo("grüße");
  }

  @Test
  void unknownSeverityServiceAndTraceComeFromAttributes() {
    LogEvent e = LogNormalizer.create().normalize(event(Severity.UNKNOWN, "",
        "boom", Map.of("level", "fatal", "service.name", "checkout", "trace_id", "4bf92f3577b34da6")));
    assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(e.service()).isEqualTo("checkout");
    assertThat(e.traceId()).isEqualTo("4bf92f3577b34da6");
  }

  @Test
  void unknownSeverityComesFromALeadingLevelWord() {
    LogNormalizer n = LogNormalizer.create();
    assertThat(n.normalize(event(Severity.UNKNOWN, "s", "[WARN] disk almost full", Map.of())).severity()).isEqualTo(Severity.WARNING);
    assertThat(n.normalize(event(Severity.UNKNOWN, "s", "ERROR: payment failed", Map.of())).severity()).isEqualTo(Severity.ERROR);
    assertThat(n.normalize(event(Severity.UNKNOWN, "s", "Payment failed", Map.of())).severity()).isEqualTo(Severity.UNKNOWN);
  }

  @Test
  void attributesAreBounded() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      many.put(String.format("k%03d", i), "v".repeat(i == 0 ? 5000 : 1));
    }
    LogEvent e = LogNormalizer.create().normalize(event(Severity.ERROR, "s", "m", many));
    assertThat(e.attributes()).hasSize(LogNormalizer.MAX_ATTRIBUTES).containsKey("k000").doesNotContainKey("k064");
    assertThat(e.attributes().get("k000")).hasSize(LogNormalizer.MAX_ATTRIBUTE_LENGTH + "…[truncated 3976 chars]".length());
  }
}
