package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.TokenUsage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** AwsBedrockModelClient with the real SDK client against WireMock stubs of Bedrock's REST route POST /model/{modelId}/converse. */
class AwsBedrockModelClientTest {
  static final String MODEL = "anthropic.claude-3-5-sonnet-20240620-v1:0";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"rootCause\":{\"type\":\"string\"},"
      + "\"confidence\":{\"type\":\"number\"}},\"required\":[\"rootCause\",\"confidence\"]}";
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort())
          .resetOnEachTest(false).build();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  AwsBedrockModelClient client(Map<String, String> extra) {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.bedrock.endpoint", "http://127.0.0.1:" + wm.getPort());
    keys.put("sre-agent.aws.bedrock.model-id", MODEL);
    keys.putAll(extra);
    return AwsBedrockModelClient.builder().config(AwsBedrockConfig.from(TestAws.config(keys)))
        .credentialsProvider(TestAws.credentials()).build();
  }

  static void answer(int status, String errorType, String body) {
    var r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (errorType != null) {
      r.withHeader("x-amzn-ErrorType", errorType);
    }
    wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(r));
  }

  static ModelRequest request(ResponseSchema schema, ChatMessage... messages) {
    return new ModelRequest(List.of(messages), schema, 512, 0.2, Duration.ofSeconds(5));
  }

  static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = wm.findAll(postRequestedFor(urlPathMatching("/model/.+/converse")));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void sendsSystemAndUserMessagesAndReadsTextUsageAndStopReason() throws Exception {
    answer(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"The pool \"},{\"text\":\"is exhausted.\"}]}},"
        + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":120,\"outputTokens\":9,\"totalTokens\":129},\"metrics\":{\"latencyMs\":321}}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      ModelResponse r = c.generate(request(null, ChatMessage.system("You are an SRE."), ChatMessage.user("Logs: <<<x>>>"),
          ChatMessage.user("What broke?")));
      assertThat(r.text()).isEqualTo("The pool is exhausted.");
      assertThat(r.usage()).isEqualTo(new TokenUsage(120, 9));
      assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
      assertThat(r.modelId()).isEqualTo(MODEL);
      assertThat(c.describe()).isEqualTo("aws bedrock " + MODEL + " in us-east-1");
    }
    LoggedRequest req = onlyRequest();
    assertThat(req.getUrl()).isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse");
    JsonNode body = JSON.readTree(req.getBodyAsString());
    assertThat(body.get("system")).isEqualTo(JSON.readTree("[{\"text\":\"You are an SRE.\"}]"));
    // two user messages in a row become one user turn: Converse requires alternating roles
    assertThat(body.get("messages")).isEqualTo(JSON.readTree(
        "[{\"role\":\"user\",\"content\":[{\"text\":\"Logs: <<<x>>>\"},{\"text\":\"What broke?\"}]}]"));
    assertThat(body.get("inferenceConfig").get("maxTokens").asInt()).isEqualTo(512);
    assertThat(body.get("inferenceConfig").get("temperature").asDouble()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(body.has("toolConfig")).isFalse();
  }

  @Test
  void structuredOutputForcesAToolWhoseInputSchemaIsTheRequestedSchema() throws Exception {
    answer(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"tu-1\","
        + "\"name\":\"triage\",\"input\":{\"rootCause\":\"pool exhausted\",\"confidence\":0.85}}}]}},"
        + "\"stopReason\":\"tool_use\",\"usage\":{\"inputTokens\":200,\"outputTokens\":30,\"totalTokens\":230}}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      ModelResponse r = c.generate(request(new ResponseSchema("triage", SCHEMA), ChatMessage.user("why?")));
      assertThat(JSON.readTree(r.text())).isEqualTo(JSON.readTree("{\"rootCause\":\"pool exhausted\",\"confidence\":0.85}"));
      assertThat(r.finishReason()).isEqualTo(FinishReason.STOP); // the forced tool is the answer's channel
      assertThat(r.usage().total()).isEqualTo(230);
    }
    JsonNode tc = JSON.readTree(onlyRequest().getBodyAsString()).get("toolConfig");
    assertThat(tc.get("toolChoice")).isEqualTo(JSON.readTree("{\"tool\":{\"name\":\"triage\"}}"));
    JsonNode spec = tc.get("tools").get(0).get("toolSpec");
    assertThat(spec.get("name").asText()).isEqualTo("triage");
    assertThat(spec.get("inputSchema").get("json")).isEqualTo(JSON.readTree(SCHEMA));
  }

  @Test
  void anAnswerWithoutTheToolCallIsInvalidOutput() {
    answer(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"{\\\"rootCause\\\": \"}]}},"
        + "\"stopReason\":\"max_tokens\",\"usage\":{\"inputTokens\":1,\"outputTokens\":512,\"totalTokens\":513}}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(new ResponseSchema("triage", SCHEMA), ChatMessage.user("why?"))))
          .isExactlyInstanceOf(InvalidModelOutputException.class)
          .hasMessage("Model " + MODEL + " answered without calling the forced tool triage (stop reason max_tokens), so there "
              + "is no structured output; the answer was cut at maxOutputTokens, raise it");
    }
  }

  @Test
  void aToolInputGivenAsAJsonStringIsAcceptedAndAnyOtherStringIsInvalid() throws Exception {
    answer(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"t\","
        + "\"name\":\"triage\",\"input\":\"{\\\"rootCause\\\":\\\"x\\\",\\\"confidence\\\":1}\"}}]}},\"stopReason\":\"tool_use\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      ModelResponse r = c.generate(request(new ResponseSchema("triage", SCHEMA), ChatMessage.user("why?")));
      assertThat(JSON.readTree(r.text())).isEqualTo(JSON.readTree("{\"rootCause\":\"x\",\"confidence\":1}"));
    }
    wm.resetAll();
    answer(200, null, "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"toolUse\":{\"toolUseId\":\"t\","
        + "\"name\":\"triage\",\"input\":\"the root cause is x\"}}]}},\"stopReason\":\"tool_use\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(new ResponseSchema("triage", SCHEMA), ChatMessage.user("why?"))))
          .isExactlyInstanceOf(InvalidModelOutputException.class)
          .hasMessage("Model " + MODEL + " called the tool triage with a string that is not JSON");
    }
  }

  @Test
  void aMalformedResponseBodyIsRetriable() {
    answer(200, null, "{\"output\":{\"message\":");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(null, ChatMessage.user("hi"))))
          .isExactlyInstanceOf(RetriableException.class)
          .hasMessage("AWS returned a malformed response to bedrock:InvokeModel on model " + MODEL
              + ": retry (a proxy or gateway may have answered instead of AWS)");
    }
  }

  @Test
  void throttlingIsRetriable() {
    answer(429, "ThrottlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(null, ChatMessage.user("hi"))))
          .isExactlyInstanceOf(RetriableException.class)
          .hasMessage("AWS throttled bedrock:InvokeModel on model " + MODEL + " (ThrottlingException, HTTP 429): retry later, "
              + "or ask for a higher quota if it persists")
          .hasCauseInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException.class);
    }
  }

  @Test
  void aPromptTooLongForTheModelIsNotRetriableAndSaysSo() {
    answer(400, "ValidationException", "{\"message\":\"Input is too long for requested model.\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(null, ChatMessage.user("x".repeat(1000)))))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("The prompt is too long for model " + MODEL + " (ValidationException, HTTP 400): shorten it (fewer log lines, "
              + "smaller files) or use a model with a larger context window; retrying the same request fails again. "
              + "AWS says: Input is too long for requested model.");
    }
  }

  @Test
  void modelAccessNotGrantedSaysWhereToEnableIt() {
    answer(403, "AccessDeniedException", "{\"message\":\"You don't have access to the model with the specified model ID.\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(null, ChatMessage.user("hi"))))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("AWS denied bedrock:InvokeModel on model " + MODEL + " (AccessDeniedException, HTTP 403): grant "
              + "bedrock:InvokeModel on it to the agent's role (docs/providers/aws.md lists the minimal IAM policy); also enable "
              + "access to the model in the Bedrock console (Model access) for this region. AWS says: You don't have access to "
              + "the model with the specified model ID.");
    }
  }

  @Test
  void theRequestTimeoutBoundsTheCall() {
    wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
        .withBody("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"late\"}]}},\"stopReason\":\"end_turn\"}")));
    try (AwsBedrockModelClient c = client(Map.of())) {
      ModelRequest quick = new ModelRequest(List.of(ChatMessage.user("hi")), null, 16, 0, Duration.ofMillis(300));
      assertThatThrownBy(() -> c.generate(quick))
          .isExactlyInstanceOf(RetriableException.class)
          .hasMessage("bedrock:InvokeModel on model " + MODEL + " timed out: retry, and raise sre-agent.aws.api-call-timeout or the "
              + "service's read-timeout if it keeps happening");
    }
  }

  @Test
  void aServerErrorIsRetriable() {
    answer(503, "ServiceUnavailableException", "{\"message\":\"Service is unavailable\"}");
    try (AwsBedrockModelClient c = client(Map.of())) {
      assertThatThrownBy(() -> c.generate(request(null, ChatMessage.user("hi"))))
          .isExactlyInstanceOf(RetriableException.class)
          .hasMessageStartingWith("AWS failed bedrock:InvokeModel on model " + MODEL + " (ServiceUnavailableException, HTTP 503)");
    }
  }
}
