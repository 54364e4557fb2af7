package dev.sreagent.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.discovery.Capability;
import dev.sreagent.discovery.ProviderDiscovery;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.Provider;
import dev.sreagent.spi.ProviderContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Discovery through META-INF/services, and what each provider does with its configuration. */
class AwsProvidersTest {

  static List<Capability<?, ?>> awsCapabilities() {
    return List.of(Capability.LOG_SOURCE, Capability.MESSAGE_BUS, Capability.SECRET_STORE, Capability.MODEL_CLIENT);
  }

  @ParameterizedTest
  @MethodSource("awsCapabilities")
  void eachProviderIsFoundExactlyOnceUnderTheNameAws(Capability<?, ?> capability) {
    List<? extends Provider<?>> providers = ProviderDiscovery.standard().candidates(capability).providers();
    assertThat(providers.stream().filter(p -> p.name().equals("aws"))).hasSize(1);
    assertThat(providers.stream().filter(p -> p.name().equals("aws")).findFirst().orElseThrow().getClass().getPackageName())
        .isEqualTo("dev.sreagent.aws");
  }

  @Test
  void namingAwsSelectsIt() {
    ConfigProperties config = ConfigProperties.builder().put("sre-agent.model-client", "aws").build();
    assertThat(ProviderDiscovery.standard().select(Capability.MODEL_CLIENT, config).provider())
        .isInstanceOf(AwsBedrockModelClientProvider.class);
  }

  @Test
  void theProviderCreatesAWorkingInstanceFromConfiguration() {
    ConfigProperties config = TestAws.config(Map.of("sre-agent.aws.bedrock.model-id", "amazon.nova-pro-v1:0"));
    try (ModelClient c = new AwsBedrockModelClientProvider().create(ProviderContext.of(config))) {
      assertThat(c.describe()).isEqualTo("aws bedrock amazon.nova-pro-v1:0 in us-east-1");
    }
    try (LogSource s = new AwsCloudWatchLogSourceProvider().create(ProviderContext.of(
        TestAws.config(Map.of("sre-agent.aws.logs.log-group-prefix", "/aws/lambda/"))))) {
      assertThat(s.toString()).isEqualTo("AwsCloudWatchLogSource[prefix=/aws/lambda/]");
    }
  }

  @Test
  void everyBadKeyIsReportedAtOnce() {
    ConfigProperties config = ConfigProperties.builder()
        .put("sre-agent.aws.region", "mars-1")
        .put("sre-agent.aws.api-call-timeout", "soon")
        .put("sre-agent.aws.retry.max-attempts", "99")
        .put("sre-agent.aws.logs.lag", "-")
        .put("sre-agent.aws.logs.endpoint", "ftp://logs.internal")
        .put("sre-agent.aws.logs.log-group", "/app/orders")
        .build();
    assertThatThrownBy(() -> AwsCloudWatchLogsConfig.from(config))
        .isExactlyInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.aws.logs (7 problems): "
            + "Invalid value 'mars-1' for sre-agent.aws.region: expected an AWS region such as us-east-1 or eu-west-3; "
            + "Invalid value 'ftp://logs.internal' for sre-agent.aws.logs.endpoint: expected an absolute http(s) URL such as https://host:443/path; "
            + "Invalid value 'soon' for sre-agent.aws.api-call-timeout: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S; "
            + "Invalid value '99' for sre-agent.aws.retry.max-attempts: expected a whole number from 1 to 10; "
            + "Missing required configuration sre-agent.aws.logs.log-groups: set it to the log group names to read, comma-separated "
            + "(or set sre-agent.aws.logs.log-group-prefix), or the environment variable SRE_AGENT_AWS_LOGS_LOG_GROUPS; "
            + "Invalid value '-' for sre-agent.aws.logs.lag: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S; "
            + "Unknown configuration key sre-agent.aws.logs.log-group: did you mean sre-agent.aws.logs.log-groups? "
            + "(every key is listed in docs/providers/aws.md)");
  }

  @Test
  void productionModeRefusesPlainHttpExceptToLoopback() {
    ConfigProperties remote = ConfigProperties.builder().put("sre-agent.mode", "production")
        .put("sre-agent.aws.sqs.endpoint", "http://sqs.internal:9324").build();
    assertThatThrownBy(() -> AwsSqsConfig.from(remote))
        .isExactlyInstanceOf(ConfigurationException.class)
        .hasMessage("Plain-http endpoint http://sqs.internal:9324 for sre-agent.aws.sqs.endpoint is refused in production mode "
            + "(sre-agent.mode=production): use https://sqs.internal:9324 (plain http is allowed only to loopback)");
    ConfigProperties loopback = ConfigProperties.builder().put("sre-agent.mode", "production")
        .put("sre-agent.aws.sqs.endpoint", "http://127.0.0.1:9324").build();
    assertThat(AwsSqsConfig.from(loopback).client().endpoint()).hasValueSatisfying(u -> assertThat(u.getPort()).isEqualTo(9324));
  }

  @Test
  void bedrockNeedsAModelId() {
    assertThatThrownBy(() -> AwsBedrockConfig.from(ConfigProperties.empty()))
        .isExactlyInstanceOf(ConfigurationException.class)
        .hasMessage("Missing required configuration sre-agent.aws.bedrock.model-id: set it to the Bedrock model or inference profile "
            + "id, e.g. anthropic.claude-3-5-sonnet-20240620-v1:0 (or the environment variable SRE_AGENT_AWS_BEDROCK_MODEL_ID)");
  }

  @Test
  void theConfigurationCanHoldNoCredentials() {
    ConfigProperties config = ConfigProperties.builder().put("sre-agent.aws.secrets.access-key-id", "x").build();
    assertThatThrownBy(() -> AwsSecretsManagerConfig.from(config))
        .hasMessageStartingWith("Unknown configuration key sre-agent.aws.secrets.access-key-id: did you mean ");
  }

  @Test
  void noRegionAnywhereIsAConfigurationErrorThatSaysWhereToSetIt() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
        && System.getProperty("aws.region") == null, "a region is set in this environment");
    AwsSecretsManagerConfig config = AwsSecretsManagerConfig.from(ConfigProperties.empty());
    assertThatThrownBy(() -> AwsSecretsManagerSecretStore.builder().config(config).credentialsProvider(TestAws.credentials()).build())
        .isExactlyInstanceOf(ConfigurationException.class)
        .hasMessage("No AWS region for Secrets Manager: set sre-agent.aws.region (for example us-east-1) or the AWS_REGION "
            + "environment variable, or run where the SDK's region chain finds one");
  }
}
