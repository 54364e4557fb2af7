package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sreagent.NonRetriableException;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AwsSecretsManagerSecretStore with the real SDK client against WireMock stubs of secretsmanager.GetSecretValue. */
class AwsSecretsManagerSecretStoreTest {
  static final String TARGET = "secretsmanager.GetSecretValue";
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort())
          .resetOnEachTest(false).build();
  MutableClock clock;

  @BeforeEach
  void reset() {
    wm.resetAll();
    clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  }

  AwsSecretsManagerSecretStore store(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.secrets.endpoint", "http://127.0.0.1:" + wm.getPort());
    keys.putAll(extra);
    return AwsSecretsManagerSecretStore.builder().config(AwsSecretsManagerConfig.from(TestAws.config(keys)))
        .credentialsProvider(TestAws.credentials()).clock(clock).build();
  }

  /** A GetSecretValue answer as the service documents it. */
  static String answer(String name, String version, String field, String value) {
    ObjectNode n = JSON.createObjectNode()
        .put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf")
        .put("Name", name).put("VersionId", version).put(field, value).put("CreatedDate", 1.7e9);
    n.putArray("VersionStages").add("AWSCURRENT");
    return n.toString();
  }

  static void stubSecret(String id, String body) {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).withRequestBody(matchingJsonPath("$.SecretId", equalTo(id)))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
  }

  static int requests() {
    return wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))).size();
  }

  @Test
  void readsAStringSecretWithItsVersionAtTheConfiguredStage() {
    String value = TestAws.random(16);
    stubSecret("prod/github-token", answer("prod/github-token", "v-1", "SecretString", value));
    try (AwsSecretsManagerSecretStore s = store(Map.of("sre-agent.aws.secrets.version-stage", "AWSPREVIOUS"))) {
      Secret secret = s.get("prod/github-token");
      assertThat(secret.reveal()).isEqualTo(value);
      assertThat(secret.version()).isEqualTo("v-1");
      assertThat(secret.name()).isEqualTo("prod/github-token");
    }
    wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(equalToJson("{\"SecretId\":\"prod/github-token\",\"VersionStage\":\"AWSPREVIOUS\"}")));
  }

  @Test
  void readsABinarySecret() {
    byte[] value = {0, 1, 2, (byte) 0xff, 42};
    stubSecret("bin", answer("bin", "v-2", "SecretBinary", Base64.getEncoder().encodeToString(value)));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      assertThat(s.get("bin").bytes()).containsExactly(value);
    }
  }

  @Test
  void readsOneKeyOfAJsonSecret() {
    String password = TestAws.random(12);
    stubSecret("db", answer("db", "v-3", "SecretString", "{\"username\":\"app\",\"password\":\"" + password + "\",\"port\":5432}"));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      assertThat(s.get("db#password").reveal()).isEqualTo(password);
      assertThat(s.get("db#port").reveal()).isEqualTo("5432");
      assertThat(s.get("db#password").name()).isEqualTo("db#password");
      assertThatThrownBy(() -> s.get("db#token"))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("Secret db has no key token: add it to the secret, or fix the name (keys present: username, password, port)");
    }
  }

  @Test
  void aJsonKeyOnATextOrBinarySecretSaysWhatToDo() {
    stubSecret("plain", answer("plain", "v", "SecretString", "not json " + TestAws.random(8)));
    stubSecret("bin", answer("bin", "v", "SecretBinary", Base64.getEncoder().encodeToString(new byte[] {1, 2})));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      assertThatThrownBy(() -> s.get("plain#key"))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("Secret plain is not a JSON object, so the key key cannot be read: store the secret as JSON key/value "
              + "pairs, or read it without #key")
          .hasNoCause();
      assertThatThrownBy(() -> s.get("bin#key"))
          .hasMessage("Secret bin is binary, so bin#key cannot select a JSON key: store it as a JSON string, or read it without #key");
    }
  }

  @Test
  void cachesForTheTtlThenReadsAgain() {
    stubSecret("t", answer("t", "v", "SecretString", TestAws.random(8)));
    try (AwsSecretsManagerSecretStore s = store(Map.of("sre-agent.aws.secrets.cache-ttl", "5m"))) {
      s.get("t");
      s.get("t");
      assertThat(requests()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(5));
      s.get("t");
      assertThat(requests()).isEqualTo(2);
    }
  }

  @Test
  void refreshAfterRotationReadsTheNewValueAtOnce() {
    String before = TestAws.random(8);
    String after = TestAws.random(8);
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(200).withBody(answer("r", "v-old", "SecretString", before))).willSetStateTo("rotated"));
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).inScenario("rotation").whenScenarioStateIs("rotated")
        .willReturn(aResponse().withStatus(200).withBody(answer("r", "v-new", "SecretString", after))));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      assertThat(s.get("r").reveal()).isEqualTo(before);
      assertThat(s.get("r").reveal()).isEqualTo(before); // cached
      Secret fresh = s.refresh("r"); // the caller saw an authentication failure
      assertThat(fresh.reveal()).isEqualTo(after);
      assertThat(fresh.version()).isEqualTo("v-new");
      assertThat(s.get("r").reveal()).isEqualTo(after);
    }
  }

  @Test
  void aMissingSecretIsNotRetriableAndNamesIt() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(TARGET)).willReturn(aResponse().withStatus(400)
        .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      assertThatThrownBy(() -> s.get("nope#k"))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("Secret nope was not found by secretsmanager:GetSecretValue (ResourceNotFoundException, HTTP 400): check the "
              + "name and the region (sre-agent.aws.region). AWS says: Secrets Manager can't find the specified secret.");
    }
  }

  @Test
  void aValueThatIsNotUtf8IsStillReadAsBytes() {
    byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
    stubSecret("raw", answer("raw", "v", "SecretBinary", Base64.getEncoder().encodeToString(notUtf8)));
    try (AwsSecretsManagerSecretStore s = store(Map.of())) {
      Secret secret = s.get("raw");
      assertThat(secret.bytes()).containsExactly(notUtf8);
      assertThat(secret.reveal()).isEqualTo(new String(notUtf8, StandardCharsets.UTF_8));
    }
  }
}
