package dev.sreagent.aws;

import dev.sreagent.aws.fixtures.LocalSqs;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.ReceivedMessage;
import dev.sreagent.testkit.MessageBusContract;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The testkit's MessageBus contract for AwsSqsMessageBus against ElasticMQ: a standard queue (dead letters
 * through the redrive policy) and a FIFO queue (also idempotency and ordering keys). Time really passes
 * (SQS visibility timeouts are whole seconds), so these take a few seconds.
 */
class AwsSqsMessageBusContractTest {
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

  static MessageBus createBus(String queue, boolean fifo, Duration visibility, int maxDeliveries) {
    String suffix = fifo ? ".fifo" : "";
    Map<QueueAttributeName, String> dlqAttrs = new HashMap<>();
    if (fifo) {
      dlqAttrs.put(QueueAttributeName.FIFO_QUEUE, "true");
    }
    String dlqUrl = admin.createQueue(b -> b.queueName("sre-" + queue + "-dlq" + suffix).attributes(dlqAttrs)).queueUrl();
    String dlqArn = admin.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    Map<QueueAttributeName, String> attrs = new HashMap<>(dlqAttrs);
    attrs.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(visibility.getSeconds()));
    attrs.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxDeliveries + "\"}");
    admin.createQueue(b -> b.queueName("sre-" + queue + suffix).attributes(attrs));
    return AwsSqsMessageBus.builder().config(AwsSqsConfig.from(TestAws.config(Map.of(
            "sre-agent.aws.sqs.endpoint", sqs.endpoint().toString(), "sre-agent.aws.sqs.queue-name-prefix", "sre-",
            "sre-agent.aws.sqs.fifo", Boolean.toString(fifo)))))
        .credentialsProvider(TestAws.credentials()).build();
  }

  static List<String> deadLetters(MessageBus bus, String queue) {
    return bus.receive(queue + "-dlq", 10, Duration.ofSeconds(1)).stream().map(ReceivedMessage::body).toList();
  }

  /** The contract on one kind of queue; both kinds have a redrive policy to a dead-letter queue. */
  abstract class SqsQueueContract extends MessageBusContract {
    private final boolean fifo;

    SqsQueueContract(boolean fifo) {
      this.fifo = fifo;
    }

    @Override
    protected MessageBus createBus(Duration visibilityTimeout, int maxDeliveries) {
      return AwsSqsMessageBusContractTest.createBus(queue(), fifo, visibilityTimeout, maxDeliveries);
    }

    @Override
    protected boolean supportsDeadLetters() {
      return true;
    }

    @Override
    protected List<String> deadLetterBodies(MessageBus bus) {
      return deadLetters(bus, queue());
    }
  }

  @Nested
  class StandardQueue extends SqsQueueContract {
    StandardQueue() {
      super(false);
    }
  }

  @Nested
  class FifoQueue extends SqsQueueContract {
    FifoQueue() {
      super(true);
    }

    @Override
    protected boolean supportsIdempotencyKey() {
      return true;
    }

    @Override
    protected boolean supportsOrderingKey() {
      return true;
    }
  }
}
