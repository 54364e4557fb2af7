package dev.sreagent.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.aws.fixtures.LocalSqs;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** AwsSqsMessageBus with the real SDK client against an embedded ElasticMQ (SQS JSON protocol). */
class AwsSqsMessageBusTest {
  static LocalSqs sqs;
  static SqsClient admin;

  @BeforeAll
  static void start() {
    sqs = LocalSqs.start();
    admin = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1).credentialsProvider(TestAws.credentials())
        .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    admin.close();
    sqs.close();
  }

  /** @return a fresh logical queue name; the SQS queue is created with the given attributes */
  static String queue(String prefix, boolean fifo, Map<QueueAttributeName, String> attributes) {
    String logical = "q" + UUID.randomUUID().toString().substring(0, 8);
    Map<QueueAttributeName, String> attrs = new HashMap<>(attributes);
    if (fifo) {
      attrs.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    admin.createQueue(b -> b.queueName(prefix + logical + (fifo ? ".fifo" : "")).attributes(attrs));
    return logical;
  }

  static AwsSqsMessageBus bus(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.sqs.endpoint", sqs.endpoint().toString());
    keys.put("sre-agent.aws.sqs.queue-name-prefix", "sre-");
    keys.putAll(extra);
    return AwsSqsMessageBus.builder().config(AwsSqsConfig.from(TestAws.config(keys))).credentialsProvider(TestAws.credentials()).build();
  }

  @Test
  void publishReceiveAckCarriesBodyKeysAndAttributes() {
    String q = queue("sre-", false, Map.of());
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      String id = bus.publish(q, new OutgoingMessage("{\"incident\":1}", "fp-1", "fp-1:v1", Map.of("kind", "incident", "fingerprint", "fp-1")));
      List<ReceivedMessage> got = bus.receive(q, 10, Duration.ofSeconds(1));
      assertThat(got).hasSize(1);
      ReceivedMessage m = got.get(0);
      assertThat(m.messageId()).isEqualTo(id);
      assertThat(m.body()).isEqualTo("{\"incident\":1}");
      assertThat(m.orderingKey()).isEqualTo("fp-1");
      assertThat(m.idempotencyKey()).isEqualTo("fp-1:v1");
      assertThat(m.attributes()).isEqualTo(Map.of("kind", "incident", "fingerprint", "fp-1"));
      assertThat(m.deliveryCount()).isEqualTo(1);
      bus.ack(q, m);
      assertThat(bus.receive(q, 10, Duration.ZERO)).isEmpty();
    }
  }

  @Test
  void nackMakesTheMessageVisibleAgainAtOnceWithAHigherDeliveryCount() {
    String q = queue("sre-", false, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"));
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      bus.publish(q, OutgoingMessage.of("work"));
      ReceivedMessage first = bus.receive(q, 1, Duration.ofSeconds(1)).get(0);
      assertThat(bus.receive(q, 1, Duration.ZERO)).isEmpty(); // invisible while in progress
      bus.nack(q, first);
      ReceivedMessage again = bus.receive(q, 1, Duration.ofSeconds(1)).get(0);
      assertThat(again.messageId()).isEqualTo(first.messageId());
      assertThat(again.deliveryCount()).isEqualTo(2);
      bus.ack(q, again);
    }
  }

  @Test
  void receivesAndAcksInBatchesBeyondTheTenMessageLimit() {
    String q = queue("sre-", false, Map.of());
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      for (int i = 0; i < 25; i++) {
        bus.publish(q, OutgoingMessage.of("m" + i));
      }
      List<ReceivedMessage> got = new ArrayList<>();
      for (int i = 0; i < 5 && got.size() < 25; i++) {
        got.addAll(bus.receive(q, 25, Duration.ofSeconds(1)));
      }
      assertThat(got.stream().map(ReceivedMessage::body).collect(Collectors.toSet())).hasSize(25);
      bus.ack(q, got);
      assertThat(bus.receive(q, 10, Duration.ZERO)).isEmpty();
    }
  }

  @Test
  void fifoQueueUsesTheOrderingKeyAsGroupAndTheIdempotencyKeyToDropDuplicates() {
    String q = queue("sre-", true, Map.of());
    try (AwsSqsMessageBus bus = bus(Map.of("sre-agent.aws.sqs.fifo", "true"))) {
      assertThat(bus.queueName(q)).isEqualTo("sre-" + q + ".fifo");
      bus.publish(q, new OutgoingMessage("a1", "group-a", "k1", Map.of()));
      bus.publish(q, new OutgoingMessage("a1 again", "group-a", "k1", Map.of())); // same idempotency key: dropped
      bus.publish(q, new OutgoingMessage("a2", "group-a", "k2", Map.of()));
      bus.publish(q, OutgoingMessage.of("no keys")); // group sre-agent, dedup by body hash
      bus.publish(q, OutgoingMessage.of("no keys"));
      List<ReceivedMessage> got = new ArrayList<>();
      for (int i = 0; i < 6 && got.size() < 3; i++) {
        List<ReceivedMessage> batch = bus.receive(q, 10, Duration.ofSeconds(1));
        got.addAll(batch);
        bus.ack(q, batch);
      }
      assertThat(got).extracting(ReceivedMessage::body).containsExactlyInAnyOrder("a1", "a2", "no keys");
      List<String> groupA = got.stream().filter(m -> "group-a".equals(m.orderingKey())).map(ReceivedMessage::body).toList();
      assertThat(groupA).containsExactly("a1", "a2");
      assertThat(got.stream().filter(m -> m.body().equals("no keys")).findFirst().orElseThrow().orderingKey()).isEqualTo("sre-agent");
    }
  }

  @Test
  void processingThatOutlivesTheVisibilityTimeoutLeadsToRedeliveryAndAStaleReceipt() throws Exception {
    String q = queue("sre-", false, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      bus.publish(q, OutgoingMessage.of("slow work"));
      ReceivedMessage first = bus.receive(q, 1, Duration.ofSeconds(1)).get(0);
      Thread.sleep(1_500); // the worker is slower than the 1 s visibility timeout
      ReceivedMessage second = bus.receive(q, 1, Duration.ofSeconds(2)).get(0);
      assertThat(second.messageId()).isEqualTo(first.messageId());
      assertThat(second.deliveryCount()).isEqualTo(2);
      assertThatThrownBy(() -> bus.extendVisibility(q, first, Duration.ofSeconds(30)))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("Cannot extendVisibility message " + first.messageId() + " on queue sre-" + q + ": its receipt handle is no "
              + "longer valid, because processing outlived the visibility timeout and the message was delivered again (or it "
              + "was already deleted); call extendVisibility while work is in progress");
      bus.ack(q, first); // stale: logged, not thrown (SQS accepts a stale handle silently too)
      bus.ack(q, second);
      assertThat(bus.receive(q, 1, Duration.ZERO)).isEmpty();
    }
  }

  @Test
  void extendingTheVisibilityKeepsASlowMessageInvisible() throws Exception {
    String q = queue("sre-", false, Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1"));
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      bus.publish(q, OutgoingMessage.of("slow work"));
      ReceivedMessage m = bus.receive(q, 1, Duration.ofSeconds(1)).get(0);
      bus.extendVisibility(q, m, Duration.ofSeconds(30));
      Thread.sleep(1_500);
      assertThat(bus.receive(q, 1, Duration.ZERO)).isEmpty();
      bus.ack(q, m); // the original receipt still works
      bus.ack(q, m); // acking twice is not an error
      bus.ack(q, List.of(m));
    }
  }

  @Test
  void theRedrivePolicyMovesAMessageThatKeepsFailingToTheDeadLetterQueue() {
    String dlq = queue("sre-", false, Map.of());
    String dlqArn = admin.getQueueAttributes(b -> b.queueUrl(admin.getQueueUrl(r -> r.queueName("sre-" + dlq)).queueUrl())
        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    String q = queue("sre-", false, Map.of(QueueAttributeName.REDRIVE_POLICY,
        "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"2\"}"));
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      bus.publish(q, OutgoingMessage.of("poison"));
      bus.nack(q, bus.receive(q, 1, Duration.ofSeconds(1)).get(0));
      bus.nack(q, bus.receive(q, 1, Duration.ofSeconds(1)).get(0));
      assertThat(bus.receive(q, 1, Duration.ofSeconds(1))).isEmpty();
      List<ReceivedMessage> dead = bus.receive(dlq, 1, Duration.ofSeconds(1));
      assertThat(dead).extracting(ReceivedMessage::body).containsExactly("poison");
    }
  }

  @Test
  void aClientTheHostPassesIsUsedAndNotClosed() {
    String q = queue("host-", false, Map.of());
    try (SqsClient own = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(TestAws.credentials())
        .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
      // the configuration names no endpoint: the host's client decides
      AwsSqsMessageBus bus = AwsSqsMessageBus.builder().config(AwsSqsConfig.from(TestAws.config(Map.of(
          "sre-agent.aws.sqs.queue-name-prefix", "host-")))).client(own).build();
      bus.publish(q, OutgoingMessage.of("via the host's client"));
      bus.close();
      bus.close(); // idempotent
      assertThat(own.receiveMessage(b -> b.queueUrl(own.getQueueUrl(r -> r.queueName("host-" + q)).queueUrl())
          .waitTimeSeconds(1)).messages()).extracting(software.amazon.awssdk.services.sqs.model.Message::body)
          .containsExactly("via the host's client");
    }
  }

  @Test
  void aMissingQueueIsNotRetriableAndNamesIt() {
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      assertThatThrownBy(() -> bus.publish("absent", OutgoingMessage.of("x")))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessageStartingWith("Queue sre-absent was not found by sqs:GetQueueUrl (");
    }
  }

  @Test
  void attributesSqsCannotCarryAreRefusedBeforeSending() {
    String q = queue("sre-", false, Map.of());
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      Map<String, String> nine = new HashMap<>();
      for (int i = 0; i < 9; i++) {
        nine.put("a" + i, "v");
      }
      bus.publish(q, new OutgoingMessage("x", "k", null, nine)); // 9 + the ordering key: the SQS maximum
      assertThatThrownBy(() -> bus.publish(q, new OutgoingMessage("x", "k", "i", nine)))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("SQS carries at most 10 message attributes; this message has 11 including the ordering and idempotency keys");
      assertThatThrownBy(() -> bus.publish(q, new OutgoingMessage("x", null, null, Map.of("AWS.trace", "v"))))
          .hasMessageStartingWith("SQS cannot carry the message attribute 'AWS.trace'");
    }
  }

  @Test
  void longPollingWaitsForAMessagePublishedDuringTheWait() throws Exception {
    String q = queue("sre-", false, Map.of());
    try (AwsSqsMessageBus bus = bus(Map.of())) {
      Thread publisher = new Thread(() -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        bus.publish(q, OutgoingMessage.of("arrived"));
      });
      publisher.start();
      List<ReceivedMessage> got = bus.receive(q, 1, Duration.ofSeconds(5));
      publisher.join();
      assertThat(got).extracting(ReceivedMessage::body).containsExactly("arrived");
      assertThat(Set.of(got.get(0).deliveryCount())).containsExactly(1);
    }
  }
}
