package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No secret value appears in a log line (everything at DEBUG, the SDK's included, goes to target/aws-test.log
 * during the tests), an exception message of the whole cause chain, or a toString().
 */
class AwsSecretLeakTest {
  static final Path LOG = Path.of("target", "aws-test.log");

  @Test
  void secretValuesStayOutOfLogsMessagesAndToString() throws Exception {
    String value = "leak" + TestAws.random(20);
    WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    List<String> texts = new ArrayList<>();
    try {
      stub(wm, "json", "SecretString", "{\"token\":\"" + value + "\",\"user\":\"app\"}");
      stub(wm, "plain", "SecretString", value + " not json {");
      stub(wm, "bin", "SecretBinary", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      try (AwsSecretsManagerSecretStore store = AwsSecretsManagerSecretStore.builder()
          .config(AwsSecretsManagerConfig.from(TestAws.config(Map.of("sre-agent.aws.secrets.endpoint", "http://127.0.0.1:" + wm.port()))))
          .credentialsProvider(TestAws.credentials()).build()) {
        Secret token = store.get("json#token");
        assertThat(token.reveal()).isEqualTo(value); // the value was really read
        Secret whole = store.get("json");
        Secret plain = store.get("plain");
        Secret bin = store.get("bin");
        texts.add(token.toString());
        texts.add(whole.toString());
        texts.add(plain.toString());
        texts.add(bin.toString());
        texts.add(store.toString());
        texts.add(store.refresh("json#token").toString());
        for (String bad : List.of("json#absent", "plain#token", "bin#token")) {
          try {
            store.get(bad);
            throw new AssertionError("expected a failure for " + bad);
          } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
              texts.add(String.valueOf(t.getMessage()));
              texts.add(t.toString());
            }
          }
        }
      }
    } finally {
      wm.stop();
    }
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("Secret json has no key absent")); // the failures were exercised
    assertThat(texts).noneSatisfy(t -> assertThat(t).contains(value));
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    assertThat(log).contains("secretsmanager").contains("DEBUG"); // the log capture works and saw these calls
    assertThat(log).doesNotContain(value);
  }

  static void stub(WireMockServer wm, String id, String field, String v) {
    String body = "{\"Name\":\"" + id + "\",\"VersionId\":\"v1\",\"" + field + "\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(v) + "}";
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
        .withRequestBody(matchingJsonPath("$.SecretId", equalTo(id)))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }
}
