package dev.sreagent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.fakes.Incidents;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorAndCodecTest {
  @TempDir
  Path dir;

  @Test
  void theFileStoreRoundTripsAndReplacesAtomically() throws Exception {
    FileCursorStore store = FileCursorStore.at(dir.resolve("state/cursor"));
    assertThat(store.load()).isEmpty();
    store.save(new LogCursor("token-1"));
    store.save(new LogCursor("token-2 \u00e9"));
    assertThat(FileCursorStore.at(dir.resolve("state/cursor")).load()).contains(new LogCursor("token-2 \u00e9"));
    try (var files = Files.list(dir.resolve("state"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("cursor");
    }
  }

  @Test
  void anUnwritableFolderIsAClearError() throws Exception {
    Path file = dir.resolve("blocker");
    Files.writeString(file, "x");
    FileCursorStore store = FileCursorStore.at(file.resolve("cursor"));
    assertThatThrownBy(() -> store.save(new LogCursor("c")))
        .isInstanceOf(NonRetriableException.class)
        .hasMessageStartingWith("Cannot write the cursor file " + file.resolve("cursor").toAbsolutePath())
        .hasMessageEndingWith(". Make its folder writable or set sre-agent.cursor-file to a writable path");
  }

  @Test
  void incidentsRoundTripThroughJson() {
    LogEvent e = new LogEvent("e1", Incidents.T0, Severity.CRITICAL, "orders", "line1\nline2 \"q\" \u2603", "trace-9", Map.of("k", "v"));
    Incident i = new Incident("fp1:x", Incident.Kind.TEMPLATE, "title", List.of("a.B"), Incident.Trigger.CRITICAL_BURST, Severity.CRITICAL,
        99.5, Incidents.T0, Incidents.T0.plusSeconds(5), 7, List.of("orders", "pay"), List.of(e));
    assertThat(IncidentCodec.fromJson(IncidentCodec.toJson(i))).isEqualTo(i);
  }

  @Test
  void malformedMessagesNameTheProblem() {
    assertThatThrownBy(() -> IncidentCodec.fromJson("not json")).isInstanceOf(NonRetriableException.class)
        .hasMessageStartingWith("An incident message is not JSON: ");
    assertThatThrownBy(() -> IncidentCodec.fromJson("{\"v\":2}"))
        .hasMessage("An incident message is malformed: unsupported incident format version 2 (this agent reads 1)");
    assertThatThrownBy(() -> IncidentCodec.fromJson("{\"v\":1,\"samples\":[]}"))
        .hasMessage("An incident message is malformed: field 'fingerprint' is missing or not a string");
  }
}
