package dev.sreagent.aws;

import dev.sreagent.aws.internal.AwsKeys;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of {@link AwsBedrockModelClient}, read from {@code sre-agent.aws.bedrock.*} and the shared
 * {@code sre-agent.aws.*} keys.
 *
 * @param client region, endpoint, timeouts, retries (each request's own timeout overrides the per-call timeout)
 * @param modelId the model or inference profile id or ARN ({@code sre-agent.aws.bedrock.model-id}, required),
 *     e.g. {@code anthropic.claude-3-5-sonnet-20240620-v1:0} or {@code us.anthropic.claude-3-5-sonnet-20240620-v1:0}
 */
public record AwsBedrockConfig(AwsClientSettings client, String modelId) {

  /** Validates. */
  public AwsBedrockConfig {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(modelId, "modelId");
  }

  /**
   * Reads and validates every key at once.
   *
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static AwsBedrockConfig from(ConfigProperties config) {
    String p = AwsKeys.PREFIX + "bedrock.";
    ConfigReader r = ConfigReader.of(config, "sre-agent.aws.bedrock");
    // models can take minutes to answer; each request's timeout bounds the call
    AwsClientSettings client = AwsClientSettings.read(r, "bedrock", Duration.ofMinutes(5));
    String model = r.required(p + "model-id", "the Bedrock model or inference profile id, e.g. "
        + "anthropic.claude-3-5-sonnet-20240620-v1:0").trim();
    r.check(model.isEmpty() || model.matches("[\\w.:/+-]{1,2048}"), "Invalid value '" + model + "' for " + p
        + "model-id: expected a Bedrock model id, inference profile id or ARN");
    AwsKeys.rejectUnknown(r);
    r.validate();
    return new AwsBedrockConfig(client, model);
  }

  /** @return a copy with other client settings */
  public AwsBedrockConfig withClient(AwsClientSettings settings) {
    return new AwsBedrockConfig(settings, modelId);
  }
}
