package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sreagent.NonRetriableException;
import dev.sreagent.aws.fixtures.FakeCloudWatchLogs;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AwsCloudWatchLogSource with the real SDK client against a stateful CloudWatch Logs fake (JSON 1.1 protocol). */
class AwsCloudWatchLogSourceTest {
  static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static final FakeCloudWatchLogs FAKE = new FakeCloudWatchLogs();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort().extensions(FAKE))
          .resetOnEachTest(false).build();

  MutableClock clock;

  @BeforeEach
  void reset() {
    wm.resetAll();
    FAKE.reset();
    wm.stubFor(post("/").withHeader("X-Amz-Target", matching("Logs_20140328\\..*")).atPriority(5)
        .willReturn(aResponse().withTransformers(FakeCloudWatchLogs.NAME)));
    clock = new MutableClock(T0);
  }

  AwsCloudWatchLogSource source(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.logs.endpoint", "http://127.0.0.1:" + wm.getPort());
    keys.put("sre-agent.aws.logs.log-groups", "/app/orders");
    keys.putAll(extra);
    return AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(TestAws.config(keys)))
        .credentialsProvider(TestAws.credentials()).clock(clock).build();
  }

  static List<JsonNode> filterRequests() {
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents")))) {
      try {
        out.add(JSON.readTree(r.getBodyAsString()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return out;
  }

  static Set<String> ids(List<LogEvent> events) {
    return events.stream().map(LogEvent::id).collect(Collectors.toSet());
  }

  @Test
  void readsEveryGroupAndMapsTextAndJsonEvents() {
    String text = "2026-11-26 11:59:00 ERROR [main] o.e.OrderService - payment failed Root=1-5759e988-bd862e3fe1be46a994272793\n"
        + "java.lang.IllegalStateException: boom\n\tat o.e.OrderService.pay(OrderService.java:42)\n";
    FAKE.put("/app/orders", "i-1", T0.minusSeconds(60), text);
    FAKE.put("/app/payments", "task/7", T0.minusSeconds(30), "{\"level\":\"error\",\"message\":\"card declined\","
        + "\"stack_trace\":\"x.CardException: declined\\n\\tat x.Pay.run(Pay.java:9)\",\"trace_id\":\"abc123\","
        + "\"customer\":{\"tier\":\"gold\"},\"status\":502}");
    try (AwsCloudWatchLogSource s = source(Map.of("sre-agent.aws.logs.log-groups", "/app/orders, /app/payments"))) {
      LogBatch batch = s.poll(LogCursor.START, 100, Duration.ZERO);

      assertThat(batch.events()).hasSize(2);
      LogEvent t = batch.events().get(0);
      assertThat(t.service()).isEqualTo("/app/orders");
      assertThat(t.severity()).isEqualTo(Severity.ERROR);
      assertThat(t.timestamp()).isEqualTo(T0.minusSeconds(60));
      assertThat(t.message()).isEqualTo(text.stripTrailing());
      assertThat(t.traceId()).isEqualTo("1-5759e988-bd862e3fe1be46a994272793");
      assertThat(t.attributes()).containsEntry("aws.log-group", "/app/orders").containsEntry("aws.log-stream", "i-1");
      LogEvent j = batch.events().get(1);
      assertThat(j.service()).isEqualTo("/app/payments");
      assertThat(j.severity()).isEqualTo(Severity.ERROR);
      assertThat(j.message()).isEqualTo("card declined\nx.CardException: declined\n\tat x.Pay.run(Pay.java:9)");
      assertThat(j.traceId()).isEqualTo("abc123");
      assertThat(j.attributes()).containsEntry("customer.tier", "gold").containsEntry("status", "502")
          .doesNotContainKeys("level", "message", "stack_trace", "trace_id");
    }
    List<JsonNode> reqs = filterRequests();
    assertThat(reqs).hasSize(2);
    assertThat(reqs).extracting(r -> r.get("logGroupName").asText()).containsExactlyInAnyOrder("/app/orders", "/app/payments");
    for (JsonNode r : reqs) {
      assertThat(r.get("filterPattern").asText()).isEqualTo(AwsCloudWatchLogsConfig.DEFAULT_FILTER_PATTERN);
      assertThat(r.get("startTime").asLong()).isEqualTo(T0.minus(Duration.ofMinutes(17)).toEpochMilli()); // look-back 15m + lag 2m
      assertThat(r.get("endTime").asLong()).isEqualTo(T0.toEpochMilli());
    }
  }

  @Test
  void followsNextTokenAcrossPages() {
    FAKE.pageSize(10);
    for (int i = 0; i < 25; i++) {
      FAKE.put("/app/orders", "s", T0.minusSeconds(100 - i), "ERROR n" + i);
    }
    try (AwsCloudWatchLogSource s = source(Map.of())) {
      LogBatch batch = s.poll(LogCursor.START, 100, Duration.ZERO);
      assertThat(batch.events()).extracting(LogEvent::message)
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 25).mapToObj(i -> "ERROR n" + i).toList());
    }
    List<JsonNode> reqs = filterRequests();
    assertThat(reqs).hasSize(3);
    assertThat(reqs.get(0).has("nextToken")).isFalse();
    assertThat(reqs.get(1).get("nextToken").asText()).isEqualTo("p10");
    assertThat(reqs.get(2).get("nextToken").asText()).isEqualTo("p20");
  }

  @Test
  void maxEventsSplitsTheBacklogWithoutLossOrRepeat() {
    FAKE.pageSize(7);
    for (int i = 0; i < 25; i++) {
      FAKE.put("/app/orders", "s", T0.minusSeconds(100 - i), "ERROR n" + i);
    }
    try (AwsCloudWatchLogSource s = source(Map.of())) {
      LogCursor c = LogCursor.START;
      List<Integer> sizes = new ArrayList<>();
      List<LogEvent> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        LogBatch b = s.poll(c, 10, Duration.ZERO);
        sizes.add(b.events().size());
        all.addAll(b.events());
        c = b.next();
      }
      assertThat(sizes).containsExactly(10, 10, 5, 0);
      assertThat(ids(all)).hasSize(25);
    }
  }

  @Test
  void restartFromACheckpointNeitherLosesNorRepeats() {
    for (int i = 0; i < 3; i++) {
      FAKE.put("/app/orders", "s", T0.minusSeconds(50 - i), "ERROR old" + i);
    }
    LogCursor checkpoint;
    try (AwsCloudWatchLogSource first = source(Map.of())) {
      LogBatch b = first.poll(LogCursor.START, 100, Duration.ZERO);
      assertThat(b.events()).hasSize(3);
      checkpoint = b.next();
    }
    FAKE.put("/app/orders", "s", T0.plusSeconds(20), "ERROR new0");
    FAKE.put("/app/orders", "s", T0.plusSeconds(30), "ERROR new1");
    clock.advance(Duration.ofMinutes(1));
    try (AwsCloudWatchLogSource second = source(Map.of())) {
      LogBatch b = second.poll(checkpoint, 100, Duration.ZERO);
      assertThat(b.events()).extracting(LogEvent::message).containsExactly("ERROR new0", "ERROR new1");
      // the same cursor again gives the same events: the agent may crash before it checkpoints
      assertThat(second.poll(checkpoint, 100, Duration.ZERO).events()).extracting(LogEvent::message)
          .containsExactly("ERROR new0", "ERROR new1");
      assertThat(second.poll(b.next(), 100, Duration.ZERO).events()).isEmpty();
    }
  }

  @Test
  void lateEventWithinTheLagIsReadOnce() {
    FAKE.put("/app/orders", "s", T0.minusSeconds(60), "ERROR on time");
    try (AwsCloudWatchLogSource s = source(Map.of("sre-agent.aws.logs.lag", "2m"))) {
      LogBatch b1 = s.poll(LogCursor.START, 100, Duration.ZERO);
      assertThat(b1.events()).extracting(LogEvent::message).containsExactly("ERROR on time");
      clock.advance(Duration.ofMinutes(1));
      FAKE.put("/app/orders", "s", T0.minusSeconds(30), "ERROR late"); // timestamp before the last poll's end
      FAKE.put("/app/orders", "s", T0.plusSeconds(30), "ERROR new");
      LogBatch b2 = s.poll(b1.next(), 100, Duration.ZERO);
      assertThat(b2.events()).extracting(LogEvent::message).containsExactly("ERROR late", "ERROR new");
      assertThat(s.poll(b2.next(), 100, Duration.ZERO).events()).isEmpty();
      assertThat(filterRequests().get(1).get("startTime").asLong()).isEqualTo(T0.minus(Duration.ofMinutes(2)).toEpochMilli());
    }
  }

  @Test
  void eventLaterThanTheLagIsNotRead() {
    FAKE.createGroup("/app/orders");
    try (AwsCloudWatchLogSource s = source(Map.of("sre-agent.aws.logs.lag", "1m"))) {
      LogBatch b1 = s.poll(LogCursor.START, 100, Duration.ZERO);
      clock.advance(Duration.ofMinutes(5));
      LogBatch b2 = s.poll(b1.next(), 100, Duration.ZERO);
      FAKE.put("/app/orders", "s", T0.plusSeconds(60), "ERROR four minutes late");
      assertThat(s.poll(b2.next(), 100, Duration.ZERO).events()).isEmpty(); // the documented limit of the lag
    }
  }

  @Test
  void secondEventInTheSameMillisecondAsTheBoundaryIsRead() {
    FAKE.put("/app/orders", "s", T0, "ERROR first");
    try (AwsCloudWatchLogSource s = source(Map.of())) {
      LogBatch b1 = s.poll(LogCursor.START, 100, Duration.ZERO);
      assertThat(b1.events()).extracting(LogEvent::message).containsExactly("ERROR first");
      FAKE.put("/app/orders", "s", T0, "ERROR second");
      clock.advance(Duration.ofSeconds(10));
      assertThat(s.poll(b1.next(), 100, Duration.ZERO).events()).extracting(LogEvent::message).containsExactly("ERROR second");
    }
  }

  @Test
  void prefixFindsLogGroupsAndListsThemAgainAfterTheRefreshInterval() {
    FAKE.put("/app/a", "s", T0.minusSeconds(10), "ERROR a");
    FAKE.put("/app/b", "s", T0.minusSeconds(9), "ERROR b");
    FAKE.put("/other", "s", T0.minusSeconds(8), "ERROR other");
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.logs.log-groups", "");
    keys.put("sre-agent.aws.logs.log-group-prefix", "/app/");
    keys.put("sre-agent.aws.logs.log-group-refresh", "1m");
    try (AwsCloudWatchLogSource s = source(keys)) {
      LogBatch b1 = s.poll(LogCursor.START, 100, Duration.ZERO);
      assertThat(b1.events()).extracting(LogEvent::message).containsExactly("ERROR a", "ERROR b");
      FAKE.put("/app/c", "s", T0.plusSeconds(1), "ERROR c");
      clock.advance(Duration.ofSeconds(30));
      LogBatch b2 = s.poll(b1.next(), 100, Duration.ZERO);
      assertThat(b2.events()).isEmpty(); // the group list is cached for 1m
      clock.advance(Duration.ofSeconds(31));
      assertThat(s.poll(b2.next(), 100, Duration.ZERO).events()).extracting(LogEvent::message).containsExactly("ERROR c");
    }
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328.DescribeLogGroups"))))
        .hasSize(2);
  }

  @Test
  void aCursorFromElsewhereIsRefusedWithTheFix() {
    try (AwsCloudWatchLogSource s = source(Map.of())) {
      assertThatThrownBy(() -> s.poll(new LogCursor("42"), 10, Duration.ZERO))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("The log cursor was not made by AwsCloudWatchLogSource (it does not start with cwl1:): "
              + "delete the stored checkpoint to start again from sre-agent.aws.logs.start-look-back");
      assertThatThrownBy(() -> s.poll(new LogCursor("cwl1:!!!"), 10, Duration.ZERO))
          .hasMessageContaining("(it cannot be decoded)");
    }
  }

  @Test
  void waitsUpToMaxWaitPollingAtTheInterval() {
    FAKE.createGroup("/app/orders");
    try (AwsCloudWatchLogSource s = source(Map.of("sre-agent.aws.logs.poll-interval", "50ms"))) {
      LogBatch b = s.poll(LogCursor.START, 10, Duration.ofMillis(300));
      assertThat(b.events()).isEmpty();
    }
    assertThat(filterRequests().size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void malformedJsonMessageIsReadAsText() {
    FAKE.put("/app/orders", "s", T0.minusSeconds(1), "{\"level\":\"error\", broken");
    try (AwsCloudWatchLogSource s = source(Map.of())) {
      LogEvent e = s.poll(LogCursor.START, 10, Duration.ZERO).events().get(0);
      assertThat(e.message()).isEqualTo("{\"level\":\"error\", broken");
      assertThat(e.severity()).isEqualTo(Severity.UNKNOWN);
    }
  }

  @Test
  void everyEventIdIsUniqueAcrossGroups() {
    FAKE.put("/app/orders", "s", T0.minusSeconds(1), "ERROR x");
    FAKE.put("/app/payments", "s", T0.minusSeconds(1), "ERROR x");
    try (AwsCloudWatchLogSource s = source(Map.of("sre-agent.aws.logs.log-groups", "/app/orders,/app/payments"))) {
      Set<String> seen = new HashSet<>(ids(s.poll(LogCursor.START, 10, Duration.ZERO).events()));
      assertThat(seen).hasSize(2);
    }
  }
}
