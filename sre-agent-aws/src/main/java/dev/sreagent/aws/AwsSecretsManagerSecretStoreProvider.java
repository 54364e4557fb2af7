package dev.sreagent.aws;

import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.spi.SecretStoreProvider;

/**
 * The {@code aws} {@link SecretStoreProvider}: AWS Secrets Manager. Selected by {@code sre-agent.secret-store=aws}
 * (or as the only non-local provider); reads {@code sre-agent.aws.secrets.*} and {@code sre-agent.aws.*}; its own
 * credentials come from the SDK default chain, never from a secret store. Listed in
 * {@code META-INF/services/dev.sreagent.spi.SecretStoreProvider}.
 */
public final class AwsSecretsManagerSecretStoreProvider implements SecretStoreProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no I/O. */
  public AwsSecretsManagerSecretStoreProvider() {}

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public SecretStore create(ProviderContext context) {
    return AwsSecretsManagerSecretStore.builder().config(AwsSecretsManagerConfig.from(context.config())).clock(context.clock()).build();
  }
}
