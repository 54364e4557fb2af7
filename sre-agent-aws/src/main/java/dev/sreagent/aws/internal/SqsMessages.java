package dev.sreagent.aws.internal;

import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Converts between the SPI's messages and SQS's. */
public final class SqsMessages {
  /** The attribute carrying the ordering key. */
  public static final String ORDERING_KEY = "sre-agent.ordering-key";
  /** The attribute carrying the idempotency key. */
  public static final String IDEMPOTENCY_KEY = "sre-agent.idempotency-key";
  /** The FIFO message group of messages without an ordering key. */
  public static final String DEFAULT_GROUP = "sre-agent";
  private static final int SQS_MAX_ATTRIBUTES = 10;

  private SqsMessages() {}

  /** @return true for a FIFO queue's URL */
  public static boolean isFifo(String queueUrl) {
    return queueUrl.endsWith(".fifo");
  }

  /**
   * @return the message's attributes plus the two keys, as SQS String attributes
   * @throws IllegalArgumentException when SQS cannot carry them (more than 10, an empty value, a reserved name)
   */
  public static Map<String, MessageAttributeValue> attributes(OutgoingMessage m) {
    Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
    m.attributes().forEach((k, v) -> {
      if (!k.matches("[A-Za-z0-9_.-]{1,256}") || k.contains("..") || k.startsWith(".") || k.endsWith(".")
          || k.regionMatches(true, 0, "aws.", 0, 4) || k.regionMatches(true, 0, "amazon.", 0, 7) || k.startsWith("sre-agent.")) {
        throw new IllegalArgumentException("SQS cannot carry the message attribute '" + k + "': names are 1-256 of "
            + "A-Z a-z 0-9 _ - . without '..', not starting with AWS., Amazon. or sre-agent.");
      }
      if (v.isEmpty()) {
        throw new IllegalArgumentException("SQS cannot carry an empty value for the message attribute '" + k + "'");
      }
      out.put(k, text(v));
    });
    m.ordering().ifPresent(k -> out.put(ORDERING_KEY, text(k)));
    m.idempotency().ifPresent(k -> out.put(IDEMPOTENCY_KEY, text(k)));
    if (out.size() > SQS_MAX_ATTRIBUTES) {
      throw new IllegalArgumentException("SQS carries at most " + SQS_MAX_ATTRIBUTES + " message attributes; this message "
          + "has " + out.size() + " including the ordering and idempotency keys");
    }
    return out;
  }

  /** @return the FIFO deduplication id: the idempotency key, else the SHA-256 of the body */
  public static String deduplicationId(OutgoingMessage m) {
    if (m.idempotency().isPresent() && m.idempotency().get().matches("[\\x21-\\x7e]{1,128}")) {
      return m.idempotency().get();
    }
    String basis = m.idempotency().orElse(m.body());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** @return the SPI message for an SQS message */
  public static ReceivedMessage received(Message m) {
    Map<String, String> attributes = new LinkedHashMap<>();
    String ordering = null;
    String idempotency = null;
    for (Map.Entry<String, MessageAttributeValue> e : m.messageAttributes().entrySet()) {
      MessageAttributeValue v = e.getValue();
      String value = v.stringValue() != null ? v.stringValue()
          : v.binaryValue() != null ? Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()) : "";
      switch (e.getKey()) {
        case ORDERING_KEY -> ordering = value;
        case IDEMPOTENCY_KEY -> idempotency = value;
        default -> attributes.put(e.getKey(), value);
      }
    }
    Map<MessageSystemAttributeName, String> sys = m.attributes();
    if (ordering == null) {
      ordering = sys.get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }
    if (idempotency == null) {
      idempotency = sys.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID);
    }
    int count = 1;
    String rc = sys.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    if (rc != null) {
      try {
        count = Math.max(1, Integer.parseInt(rc.trim()));
      } catch (NumberFormatException ignored) {
        count = 1;
      }
    }
    return new ReceivedMessage(m.messageId(), m.body() == null ? "" : m.body(), ordering, idempotency, attributes, count,
        m.receiptHandle());
  }

  private static MessageAttributeValue text(String v) {
    return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
  }
}
