package dev.sreagent.aws;

import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.MessageBusProvider;
import dev.sreagent.spi.ProviderContext;

/**
 * The {@code aws} {@link MessageBusProvider}: Amazon SQS. Selected by {@code sre-agent.message-bus=aws} (or as
 * the only non-local provider); reads {@code sre-agent.aws.sqs.*} and {@code sre-agent.aws.*}. Listed in
 * {@code META-INF/services/dev.sreagent.spi.MessageBusProvider}.
 */
public final class AwsSqsMessageBusProvider implements MessageBusProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no I/O. */
  public AwsSqsMessageBusProvider() {}

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public MessageBus create(ProviderContext context) {
    return AwsSqsMessageBus.builder().config(AwsSqsConfig.from(context.config())).build();
  }
}
