package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.testkit.SecretStoreContract;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's SecretStore contract for AwsSecretsManagerSecretStore, against GetSecretValue stubs. */
class AwsSecretsManagerSecretStoreContractTest extends SecretStoreContract {
  static final String TARGET = "secretsmanager.GetSecretValue";
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort())
          .resetOnEachTest(false).build();

  @Override
  protected SecretStore createStore(Map<String, String> secrets) {
    wm.resetAll();
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).atPriority(10).willReturn(aResponse().withStatus(400)
        .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    secrets.forEach((name, value) -> wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).atPriority(1)
        .withRequestBody(matchingJsonPath("$.SecretId", equalTo(name)))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(JSON.createObjectNode().put("Name", name).put("VersionId", "v1").put("SecretString", value).toString()))));
    return AwsSecretsManagerSecretStore.builder()
        .config(AwsSecretsManagerConfig.from(TestAws.config(Map.of("sre-agent.aws.secrets.endpoint", "http://127.0.0.1:" + wm.getPort()))))
        .credentialsProvider(TestAws.credentials()).build();
  }
}
