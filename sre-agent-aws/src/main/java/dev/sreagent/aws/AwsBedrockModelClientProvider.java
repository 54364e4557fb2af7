package dev.sreagent.aws;

import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelClientProvider;
import dev.sreagent.spi.ProviderContext;

/**
 * The {@code aws} {@link ModelClientProvider}: Amazon Bedrock Converse. Selected by {@code sre-agent.model-client=aws}
 * (or as the only non-local provider); reads {@code sre-agent.aws.bedrock.*} and {@code sre-agent.aws.*}. Listed in
 * {@code META-INF/services/dev.sreagent.spi.ModelClientProvider}.
 */
public final class AwsBedrockModelClientProvider implements ModelClientProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no I/O. */
  public AwsBedrockModelClientProvider() {}

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public ModelClient create(ProviderContext context) {
    return AwsBedrockModelClient.builder().config(AwsBedrockConfig.from(context.config())).build();
  }
}
