package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.sreagent.aws.fixtures.FakeCloudWatchLogs;
import dev.sreagent.aws.fixtures.LocalSqs;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.spi.ReceivedMessage;
import dev.sreagent.spi.ResponseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The IAM actions the module needs are exactly those of the minimal policy in docs/providers/aws.md: every
 * feature of the four providers is exercised against local servers (SQS through a recording WireMock proxy in
 * front of ElasticMQ), each request the servers saw is mapped to its IAM action, and the set is compared with
 * the policy JSON parsed from the document. A new API call without a policy update, or a policy action the
 * code no longer needs, fails here.
 */
class AwsIamPolicyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DOC = Path.of("..", "docs", "providers", "aws.md");

  @Test
  void theDocumentedPolicyGrantsExactlyTheActionsTheModuleCalls() throws Exception {
    assertThat(recordActions()).isEqualTo(documentedActions());
  }

  static Set<String> documentedActions() throws Exception {
    String doc = Files.readString(DOC);
    Matcher m = Pattern.compile("## Minimal IAM policy.*?```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(m.find()).as("docs/providers/aws.md has a '## Minimal IAM policy' section with a json block").isTrue();
    JsonNode policy = JSON.readTree(m.group(1));
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      JsonNode a = statement.get("Action");
      if (a.isArray()) {
        a.forEach(x -> actions.add(x.asText()));
      } else {
        actions.add(a.asText());
      }
    }
    return actions;
  }

  /** Runs every feature against the local servers and maps what they received to IAM actions. */
  static Set<String> recordActions() {
    FakeCloudWatchLogs fake = new FakeCloudWatchLogs();
    WireMockServer wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(fake));
    wm.start();
    try (LocalSqs sqs = LocalSqs.start()) {
      wm.stubFor(post("/").withHeader("X-Amz-Target", matching("Logs_20140328\\..*"))
          .willReturn(aResponse().withTransformers(FakeCloudWatchLogs.NAME)));
      wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")).willReturn(aResponse().withStatus(200)
          .withBody("{\"Name\":\"s\",\"VersionId\":\"v\",\"SecretString\":\"{\\\"k\\\":\\\"v\\\"}\"}")));
      wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(200).withBody(
          "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"t\",\"name\":\"a\",\"input\":{}}}]}},"
              + "\"stopReason\":\"tool_use\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2}}")));
      wm.stubFor(any(anyUrl()).withHeader("X-Amz-Target", matching("AmazonSQS\\..*")).atPriority(10)
          .willReturn(aResponse().proxiedFrom(sqs.endpoint().toString())));
      String endpoint = "http://127.0.0.1:" + wm.port();
      fake.put("/app/orders", "s", Instant.parse("2026-11-26T11:59:00Z"), "ERROR x");

      // CloudWatch Logs: by names, then by prefix
      for (Map<String, String> groups : List.of(Map.of("sre-agent.aws.logs.log-groups", "/app/orders"),
          Map.of("sre-agent.aws.logs.log-group-prefix", "/app/"))) {
        Map<String, String> keys = new java.util.HashMap<>(groups);
        keys.put("sre-agent.aws.logs.endpoint", endpoint);
        try (AwsCloudWatchLogSource s = AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(TestAws.config(keys)))
            .credentialsProvider(TestAws.credentials()).clock(new MutableClock(Instant.parse("2026-11-26T12:00:00Z"))).build()) {
          s.poll(LogCursor.START, 10, Duration.ZERO);
        }
      }
      // SQS: every MessageBus operation, through the proxy
      try (SqsClient admin = SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(TestAws.credentials()).build()) {
        admin.createQueue(b -> b.queueName("sre-iam"));
      }
      try (AwsSqsMessageBus bus = AwsSqsMessageBus.builder().config(AwsSqsConfig.from(TestAws.config(Map.of(
          "sre-agent.aws.sqs.endpoint", endpoint, "sre-agent.aws.sqs.queue-name-prefix", "sre-")))).credentialsProvider(TestAws.credentials()).build()) {
        bus.publish("iam", OutgoingMessage.of("a"));
        bus.publish("iam", OutgoingMessage.of("b"));
        List<ReceivedMessage> got = bus.receive("iam", 2, Duration.ofSeconds(1));
        bus.extendVisibility("iam", got.get(0), Duration.ofSeconds(30));
        bus.nack("iam", got.get(0));
        bus.ack("iam", got);
        bus.ack("iam", got.get(0));
      }
      // Secrets Manager
      try (AwsSecretsManagerSecretStore store = AwsSecretsManagerSecretStore.builder().config(AwsSecretsManagerConfig.from(TestAws.config(
          Map.of("sre-agent.aws.secrets.endpoint", endpoint)))).credentialsProvider(TestAws.credentials()).build()) {
        store.get("s#k");
        store.refresh("s");
      }
      // Bedrock: text and structured output
      try (AwsBedrockModelClient model = AwsBedrockModelClient.builder().config(AwsBedrockConfig.from(TestAws.config(Map.of(
          "sre-agent.aws.bedrock.endpoint", endpoint, "sre-agent.aws.bedrock.model-id", "m")))).credentialsProvider(TestAws.credentials()).build()) {
        model.generate(new ModelRequest(List.of(ChatMessage.user("q")), new ResponseSchema("a", "{\"type\":\"object\"}"), 10, 0,
            Duration.ofSeconds(5)));
      }
      Set<String> actions = new TreeSet<>();
      for (ServeEvent e : wm.getAllServeEvents()) {
        actions.add(iamAction(e.getRequest().getMethod().getName(), e.getRequest().getUrl(), e.getRequest().getHeader("X-Amz-Target")));
      }
      return actions;
    } finally {
      wm.stop();
    }
  }

  /** The IAM action that authorizes an API request (AWS Service Authorization Reference). */
  static String iamAction(String method, String url, String target) {
    if (target != null && target.startsWith("Logs_20140328.")) {
      return "logs:" + target.substring("Logs_20140328.".length());
    }
    if (target != null && target.startsWith("secretsmanager.")) {
      return "secretsmanager:" + target.substring("secretsmanager.".length());
    }
    if (target != null && target.startsWith("AmazonSQS.")) {
      String op = target.substring("AmazonSQS.".length());
      return "sqs:" + (op.endsWith("Batch") ? op.substring(0, op.length() - "Batch".length()) : op);
    }
    if (method.equals("POST") && url.matches("/model/[^/]+/converse")) {
      return "bedrock:InvokeModel";
    }
    if (method.equals("POST") && url.matches("/model/[^/]+/converse-stream")) {
      return "bedrock:InvokeModelWithResponseStream";
    }
    throw new AssertionError("no IAM action known for " + method + " " + url + " X-Amz-Target=" + target);
  }
}
