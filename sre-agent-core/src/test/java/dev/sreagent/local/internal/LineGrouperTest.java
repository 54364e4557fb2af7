package dev.sreagent.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.local.LogFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineGrouperTest {

  private static List<RawLine> lines(String... texts) {
    List<RawLine> out = new ArrayList<>();
    long pos = 0;
    for (String t : texts) {
      long len = t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
      out.add(new RawLine(pos, pos + len, t));
      pos += len;
    }
    return out;
  }

  private static List<String> group(LogFormat format, String... texts) {
    return new LineGrouper(format).group(lines(texts)).stream().map(g -> String.join("\n", g.lines())).toList();
  }

  @Test
  void joinsAJavaStackTraceWithCausesToTheLogLine() {
    List<String> events = group(LogFormat.TEXT,
        "2026-01-01 10:00:00,123 ERROR [main] shop.OrderService - order failed",
        "java.lang.IllegalStateException: total is negative",
        "\tat shop.OrderService.total(OrderService.java:42)",
        "\tat shop.Api.handle(Api.java:10)",
        "Caused by: java.lang.ArithmeticException: overflow",
        "\tat java.base/java.lang.Math.addExact(Math.java:883)",
        "\t... 2 more",
        "2026-01-01 10:00:01,000 INFO [main] shop.Api - next request");
    assertThat(events).containsExactly(
        "2026-01-01 10:00:00,123 ERROR [main] shop.OrderService - order failed\n"
            + "java.lang.IllegalStateException: total is negative\n"
            + "\tat shop.OrderService.total(OrderService.java:42)\n"
            + "\tat shop.Api.handle(Api.java:10)\n"
            + "Caused by: java.lang.ArithmeticException: overflow\n"
            + "\tat java.base/java.lang.Math.addExact(Math.java:883)\n"
            + "\t... 2 more",
        "2026-01-01 10:00:01,000 INFO [main] shop.Api - next request");
  }

  @Test
  void joinsSuppressedAndCommonFramesOmitted() {
    List<String> events = group(LogFormat.TEXT,
        "ERROR failed",
        "    at a.B.c(B.java:1)",
        "    Suppressed: java.io.IOException: close failed",
        "        at a.B.close(B.java:9)",
        "    ... 3 common frames omitted",
        "INFO fine");
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).endsWith("... 3 common frames omitted");
  }

  @Test
  void joinsAPythonTracebackWithChainedExceptions() {
    List<String> events = group(LogFormat.TEXT,
        "2026-01-01 10:00:00 ERROR worker crashed",
        "Traceback (most recent call last):",
        "  File \"/app/worker.py\", line 10, in run",
        "    total = compute(order)",
        "KeyError: 'price'",
        "",
        "During handling of the above exception, another exception occurred:",
        "",
        "Traceback (most recent call last):",
        "  File \"/app/worker.py\", line 12, in run",
        "    raise ValueError(\"bad order\")",
        "ValueError: bad order",
        "2026-01-01 10:00:02 INFO worker restarted");
    assertThat(events).containsExactly(
        "2026-01-01 10:00:00 ERROR worker crashed\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/worker.py\", line 10, in run\n"
            + "    total = compute(order)\n"
            + "KeyError: 'price'\n"
            + "During handling of the above exception, another exception occurred:\n"
            + "Traceback (most recent call last):\n"
            + "  File \"/app/worker.py\", line 12, in run\n"
            + "    raise ValueError(\"bad order\")\n"
            + "ValueError: bad order",
        "2026-01-01 10:00:02 INFO worker restarted");
  }

  @Test
  void aPlainLineNamingAnExceptionWithoutFramesIsItsOwnEvent() {
    assertThat(group(LogFormat.TEXT, "INFO start", "com.x.RetryableException: will retry", "INFO done"))
        .containsExactly("INFO start", "com.x.RetryableException: will retry", "INFO done");
  }

  @Test
  void aTracebackAtTheStartOfTheReadStartsAnEvent() {
    assertThat(group(LogFormat.TEXT, "Traceback (most recent call last):", "  File \"x.py\", line 1", "ValueError: x", "INFO next"))
        .containsExactly("Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: x", "INFO next");
  }

  @Test
  void jsonLinesAreOneEventEachAndNeverJoined() {
    List<EventLines> g = new LineGrouper(LogFormat.AUTO).group(lines("{\"message\":\"a\"}", "\tat x.Y.z(Y.java:1)", "{\"message\":\"b\"}"));
    assertThat(g).hasSize(3);
    assertThat(g.get(0).json()).isNotNull();
    assertThat(g.get(1).json()).isNull();
  }

  @Test
  void inJsonModeABadLineIsKeptWithItsError() {
    List<EventLines> g = new LineGrouper(LogFormat.JSON).group(lines("{\"message\": oops", "plain text"));
    assertThat(g).extracting(EventLines::jsonError).containsExactly("invalid JSON at column 13", "not a JSON object");
    assertThat(g).extracting(e -> e.lines().get(0)).containsExactly("{\"message\": oops", "plain text");
  }

  @Test
  void inAutoModeABadJsonLineIsText() {
    List<EventLines> g = new LineGrouper(LogFormat.AUTO).group(lines("{not json} ERROR x"));
    assertThat(g).singleElement().satisfies(e -> {
      assertThat(e.json()).isNull();
      assertThat(e.jsonError()).isNull();
    });
  }

  @Test
  void offsetsCoverTheWholeEvent() {
    List<EventLines> g = new LineGrouper(LogFormat.TEXT).group(lines("ERROR a", "\tat x.Y.z(Y.java:1)", "INFO b"));
    assertThat(g.get(0).start()).isZero();
    assertThat(g.get(0).end()).isEqualTo(g.get(1).start());
  }
}
