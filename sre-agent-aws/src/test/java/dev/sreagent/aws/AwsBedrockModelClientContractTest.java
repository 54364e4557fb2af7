package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.testkit.CannedAnswer;
import dev.sreagent.testkit.ModelClientContract;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's ModelClient contract for AwsBedrockModelClient, against Converse stubs that answer as Bedrock
 * does: a structured request gets a {@code toolUse} block with stop reason {@code tool_use} when the canned
 * text is JSON (a text block otherwise: the model ignored the tool); a plain request gets a text block.
 */
class AwsBedrockModelClientContractTest extends ModelClientContract {
  static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort())
          .resetOnEachTest(false).build();

  static ModelClient client(String modelId) {
    return AwsBedrockModelClient.builder().config(AwsBedrockConfig.from(TestAws.config(Map.of(
        "sre-agent.aws.bedrock.endpoint", "http://127.0.0.1:" + wm.getPort(), "sre-agent.aws.bedrock.model-id", modelId))))
        .credentialsProvider(TestAws.credentials()).build();
  }

  @Override
  protected ModelClient clientAnswering(CannedAnswer answer) {
    wm.resetAll();
    wm.stubFor(post(urlPathMatching("/model/.+/converse")).atPriority(1).withRequestBody(matchingJsonPath("$.toolConfig"))
        .willReturn(ok(converse(answer, true))));
    wm.stubFor(post(urlPathMatching("/model/.+/converse")).atPriority(5).willReturn(ok(converse(answer, false))));
    return client(answer.modelId());
  }

  @Override
  protected boolean supportsHttpErrors() {
    return true;
  }

  @Override
  protected ModelClient clientFailingWith(int status, String retryAfterSeconds) {
    wm.resetAll();
    String type = switch (status) {
      case 429 -> "ThrottlingException";
      case 401, 403 -> "UnrecognizedClientException";
      case 500 -> "InternalServerException";
      default -> status >= 500 ? "ServiceUnavailableException" : "ValidationException";
    };
    ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("x-amzn-ErrorType", type)
        .withBody("{\"message\":\"failing with " + status + "\"}");
    if (retryAfterSeconds != null) {
      r.withHeader("Retry-After", retryAfterSeconds);
    }
    wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(r));
    return client("contract-model-1");
  }

  static ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  static String converse(CannedAnswer a, boolean structured) {
    JsonNode json = null;
    try {
      json = JSON.readTree(a.text());
    } catch (Exception notJson) {
      json = null;
    }
    boolean toolCall = structured && json != null && json.isObject();
    ObjectNode root = JSON.createObjectNode();
    ArrayNode content = root.putObject("output").putObject("message").put("role", "assistant").putArray("content");
    if (toolCall) {
      content.addObject().putObject("toolUse").put("toolUseId", "tu-1").put("name", SCHEMA.name()).set("input", json);
    } else {
      content.addObject().put("text", a.text());
    }
    root.put("stopReason", switch (a.finishReason()) {
      case STOP, TOOL_USE -> toolCall ? "tool_use" : "end_turn";
      case LENGTH -> "max_tokens";
      case CONTENT_FILTER -> "content_filtered";
      case OTHER -> "guardrail_intervened";
    });
    root.putObject("usage").put("inputTokens", a.inputTokens()).put("outputTokens", a.outputTokens())
        .put("totalTokens", a.inputTokens() + a.outputTokens());
    return root.toString();
  }
}
