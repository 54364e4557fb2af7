package dev.sreagent.aws;

import dev.sreagent.NonRetriableException;
import dev.sreagent.aws.internal.AwsClients;
import dev.sreagent.aws.internal.AwsErrors;
import dev.sreagent.aws.internal.SqsMessages;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A {@link MessageBus} over Amazon SQS, standard or FIFO queues.
 *
 * <ul>
 *   <li>{@link #publish}: SendMessage; on FIFO queues the ordering key is the message group id (default
 *       {@code sre-agent}) and the idempotency key the deduplication id (default: SHA-256 of the body). Both
 *       keys also travel as the message attributes {@code sre-agent.ordering-key} and
 *       {@code sre-agent.idempotency-key}, so a standard queue carries them too; SQS allows 10 attributes, so
 *       at most 8 of the caller's.
 *   <li>{@link #receive}: long polling (whole seconds up to {@code maxWait}, at most 20 s; under 1 s a short
 *       poll, which on SQS may miss messages), batches of up to 10 per request, with the
 *       receive count as {@link ReceivedMessage#deliveryCount()}.
 *   <li>{@link #ack}: DeleteMessage; {@link #ack(String, List)}: DeleteMessageBatch; acking twice is not an error.
 *       {@link #nack}: visibility 0.
 *       {@link #extendVisibility}: ChangeMessageVisibility.
 *   <li>Dead letters: the queue's own redrive policy ({@code maxReceiveCount}) moves a message that keeps
 *       failing to its dead-letter queue (docs/providers/aws.md).
 * </ul>
 *
 * Thread safe. Create it with {@link #builder()} or through {@link AwsSqsMessageBusProvider}
 * ({@code sre-agent.message-bus=aws}).
 */
public final class AwsSqsMessageBus implements MessageBus {
  private static final Logger LOG = LoggerFactory.getLogger(AwsSqsMessageBus.class);
  private static final int SQS_MAX_BATCH = 10;
  private static final int SQS_MAX_WAIT_SECONDS = 20;

  private final AwsSqsConfig config;
  private final SqsClient client;
  private final boolean ownsClient;
  private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private AwsSqsMessageBus(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
    } else {
      this.client = AwsClients.build(SqsClient.builder(), config.client(), b.credentials, "SQS");
      this.ownsClient = true;
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the SQS queue name a logical queue maps to: prefix + name (+ {@code .fifo}) */
  public String queueName(String queue) {
    String name = config.queueNamePrefix() + queue;
    return config.fifo() && !name.endsWith(".fifo") ? name + ".fifo" : name;
  }

  @Override
  public String publish(String queue, OutgoingMessage message) {
    String url = queueUrl(queue);
    SendMessageRequest.Builder req = SendMessageRequest.builder()
        .queueUrl(url)
        .messageBody(message.body())
        .messageAttributes(SqsMessages.attributes(message));
    if (SqsMessages.isFifo(url)) {
      req.messageGroupId(message.ordering().orElse(SqsMessages.DEFAULT_GROUP));
      req.messageDeduplicationId(SqsMessages.deduplicationId(message));
    }
    try {
      return client.sendMessage(req.build()).messageId();
    } catch (SdkException e) {
      throw AwsErrors.translate("sqs:SendMessage", "queue " + queueName(queue), e);
    }
  }

  @Override
  public List<ReceivedMessage> receive(String queue, int maxMessages, Duration maxWait) {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1: " + maxMessages);
    }
    String url = queueUrl(queue);
    // SQS waits whole seconds: round down, so a receive never waits longer than maxWait (under 1 s: a short poll)
    int waitSeconds = (int) Math.min(SQS_MAX_WAIT_SECONDS, Math.max(0, maxWait.getSeconds()));
    List<ReceivedMessage> out = new ArrayList<>();
    while (out.size() < maxMessages) {
      int n = Math.min(SQS_MAX_BATCH, maxMessages - out.size());
      ReceiveMessageRequest.Builder req = ReceiveMessageRequest.builder()
          .queueUrl(url)
          .maxNumberOfMessages(n)
          .waitTimeSeconds(out.isEmpty() ? waitSeconds : 0) // long poll for the first batch only
          .messageAttributeNames("All")
          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
              MessageSystemAttributeName.MESSAGE_GROUP_ID, MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
      config.visibilityTimeout().ifPresent(v -> req.visibilityTimeout((int) Math.max(0, v.getSeconds())));
      List<Message> got;
      try {
        got = client.receiveMessage(req.build()).messages();
      } catch (SdkException e) {
        throw AwsErrors.translate("sqs:ReceiveMessage", "queue " + queueName(queue), e);
      }
      for (Message m : got) {
        out.add(SqsMessages.received(m));
      }
      if (got.size() < n) {
        break;
      }
    }
    return List.copyOf(out);
  }

  @Override
  public void ack(String queue, ReceivedMessage message) {
    String url = queueUrl(queue);
    try {
      client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receipt()));
    } catch (ReceiptHandleIsInvalidException e) {
      // the SPI: acking twice is not an error. SQS itself accepts a stale handle silently; some servers refuse it.
      LOG.warn("SQS refused the receipt of message {} on queue {} ({}): it was already acked, or delivered again after its "
          + "visibility timeout, in which case it will be processed again", message.messageId(), queueName(queue),
          e.awsErrorDetails() == null ? "ReceiptHandleIsInvalid" : e.awsErrorDetails().errorCode());
    } catch (SdkException e) {
      throw AwsErrors.translate("sqs:DeleteMessage", "queue " + queueName(queue), e);
    }
  }

  /**
   * Acks several messages with DeleteMessageBatch (10 per request).
   *
   * Like {@link #ack(String, ReceivedMessage)}, a receipt SQS no longer accepts (already acked) is logged, not thrown.
   *
   * @throws NonRetriableException naming the message ids SQS did not delete and why, after trying every message
   */
  public void ack(String queue, List<ReceivedMessage> messages) {
    String url = queueUrl(queue);
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < messages.size(); from += SQS_MAX_BATCH) {
      List<ReceivedMessage> chunk = messages.subList(from, Math.min(messages.size(), from + SQS_MAX_BATCH));
      List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(chunk.get(i).receipt()).build());
      }
      DeleteMessageBatchResponse resp;
      try {
        resp = client.deleteMessageBatch(b -> b.queueUrl(url).entries(entries));
      } catch (SdkException e) {
        throw AwsErrors.translate("sqs:DeleteMessage", "queue " + queueName(queue), e);
      }
      for (BatchResultErrorEntry f : resp.failed()) {
        String messageId = chunk.get(Integer.parseInt(f.id())).messageId();
        if ("ReceiptHandleIsInvalid".equals(f.code())) {
          LOG.warn("SQS refused the receipt of message {} on queue {} (ReceiptHandleIsInvalid): it was already acked, or "
              + "delivered again after its visibility timeout", messageId, queueName(queue));
        } else {
          failures.add(messageId + " (" + f.code() + ")");
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new NonRetriableException("SQS did not delete " + failures.size() + " of " + messages.size()
          + " messages from queue " + queueName(queue) + ": " + String.join(", ", failures)
          + "; they will be delivered again");
    }
  }

  @Override
  public void nack(String queue, ReceivedMessage message) {
    changeVisibility(queue, message, 0, "nack");
  }

  @Override
  public void extendVisibility(String queue, ReceivedMessage message, Duration visibility) {
    long seconds = (visibility.toMillis() + 999) / 1000;
    if (seconds < 0 || seconds > 43_200) {
      throw new IllegalArgumentException("SQS visibility must be from 0 to 12 hours: " + visibility);
    }
    changeVisibility(queue, message, (int) seconds, "extendVisibility");
  }

  private void changeVisibility(String queue, ReceivedMessage message, int seconds, String what) {
    String url = queueUrl(queue);
    try {
      client.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receipt()).visibilityTimeout(seconds));
    } catch (ReceiptHandleIsInvalidException e) {
      throw staleReceipt(what, queue, message, e);
    } catch (SdkException e) {
      throw AwsErrors.translate("sqs:ChangeMessageVisibility", "queue " + queueName(queue), e);
    }
  }

  private NonRetriableException staleReceipt(String what, String queue, ReceivedMessage m, SdkException e) {
    return new NonRetriableException("Cannot " + what + " message " + m.messageId() + " on queue " + queueName(queue)
        + ": its receipt handle is no longer valid, because processing outlived the visibility timeout and the message "
        + "was delivered again (or it was already deleted); call extendVisibility while work is in progress", e);
  }

  private String queueUrl(String queue) {
    if (closed.get()) {
      throw new IllegalStateException("AwsSqsMessageBus is closed");
    }
    String cached = queueUrls.get(queue);
    if (cached != null) {
      return cached;
    }
    String name = queueName(queue);
    if (!name.matches("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo")) {
      throw new IllegalArgumentException("Not a valid SQS queue name: " + name
          + " (letters, digits, '-' and '_', at most 80 characters including .fifo)");
    }
    String url;
    try {
      url = client.getQueueUrl(b -> b.queueName(name)).queueUrl();
    } catch (SdkException e) {
      throw AwsErrors.translate("sqs:GetQueueUrl", "queue " + name, e);
    }
    queueUrls.put(queue, url);
    return url;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "AwsSqsMessageBus[prefix=" + config.queueNamePrefix() + ", fifo=" + config.fifo() + "]";
  }

  /** Builds an {@link AwsSqsMessageBus}. Not thread safe. */
  public static final class Builder {
    private @Nullable AwsSqsConfig config;
    private @Nullable SqsClient client;
    private @Nullable AwsCredentialsProvider credentials;

    private Builder() {}

    /** The configuration (required). */
    public Builder config(AwsSqsConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** A client the host built and owns (not closed by the bus). */
    public Builder client(SqsClient value) {
      this.client = Objects.requireNonNull(value, "client");
      return this;
    }

    /** Credentials to use instead of the SDK default chain. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentials = Objects.requireNonNull(value, "credentialsProvider");
      return this;
    }

    /** @return the bus */
    public AwsSqsMessageBus build() {
      if (config == null) {
        throw new IllegalStateException("config is required: AwsSqsMessageBus.builder().config(AwsSqsConfig.from(properties))");
      }
      return new AwsSqsMessageBus(this);
    }
  }
}
