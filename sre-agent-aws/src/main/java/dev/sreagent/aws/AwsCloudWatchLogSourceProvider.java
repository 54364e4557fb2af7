package dev.sreagent.aws;

import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.LogSourceProvider;
import dev.sreagent.spi.ProviderContext;

/**
 * The {@code aws} {@link LogSourceProvider}: CloudWatch Logs. Selected by {@code sre-agent.log-source=aws}
 * (or as the only non-local provider); reads {@code sre-agent.aws.logs.*} and {@code sre-agent.aws.*}.
 * Listed in {@code META-INF/services/dev.sreagent.spi.LogSourceProvider}.
 */
public final class AwsCloudWatchLogSourceProvider implements LogSourceProvider {
  /** Public no-argument constructor for {@link java.util.ServiceLoader}; does no I/O. */
  public AwsCloudWatchLogSourceProvider() {}

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public LogSource create(ProviderContext context) {
    return AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(context.config())).clock(context.clock()).build();
  }
}
