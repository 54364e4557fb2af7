package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible client's HTTP mapping, against a local server speaking the chat-completions wire format. */
class OpenAiCompatibleModelClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResponseSchema SCHEMA = new ResponseSchema("triage", "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}}");
  private final AtomicReference<String> requestBody = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private HttpServer server;
  private String base;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void serve(int status, String body, Map<String, String> headers, long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (IOException e) {
        // the client gave up (timeout test)
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private OpenAiCompatibleModelClient client() {
    return OpenAiCompatibleModelClient.builder(URI.create(base), "local-model").timeout(Duration.ofSeconds(5)).build();
  }

  private static ModelRequest request(ResponseSchema schema) {
    return new ModelRequest(List.of(ChatMessage.system("be brief"), ChatMessage.user("why?"), ChatMessage.assistant("because"),
        ChatMessage.user("and?")), schema, 300, 0.2, Duration.ofSeconds(5));
  }

  private static String completion(String content, String finish) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"served-model-7\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"finish_reason\":\"" + finish + "\"}],"
        + "\"usage\":{\"prompt_tokens\":31,\"completion_tokens\":9,\"total_tokens\":40}}";
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sendsTheChatCompletionsRequestWithTheJsonSchemaAndMapsTheAnswer() throws IOException {
    serve(200, completion("{\"a\":1}", "stop"), Map.of(), 0);
    ModelResponse r = client().generate(request(SCHEMA));
    assertThat(r.text()).isEqualTo("{\"a\":1}");
    assertThat(r.usage().inputTokens()).isEqualTo(31);
    assertThat(r.usage().outputTokens()).isEqualTo(9);
    assertThat(r.modelId()).isEqualTo("served-model-7");
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);

    JsonNode sent = JSON.readTree(requestBody.get());
    assertThat(sent.get("model").asText()).isEqualTo("local-model");
    assertThat(sent.get("max_tokens").asInt()).isEqualTo(300);
    assertThat(sent.get("temperature").asDouble()).isEqualTo(0.2);
    assertThat(sent.get("messages").toString()).isEqualTo("[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"why?\"},"
        + "{\"role\":\"assistant\",\"content\":\"because\"},{\"role\":\"user\",\"content\":\"and?\"}]");
    assertThat(sent.get("response_format").toString()).isEqualTo("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"triage\","
        + "\"schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}},\"strict\":true}}");
    assertThat(authorization.get()).isNull();
  }

  @Test
  void sendsNoResponseFormatWithoutASchema() throws IOException {
    serve(200, completion("plain", "length"), Map.of(), 0);
    ModelResponse r = client().generate(request(null));
    assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(JSON.readTree(requestBody.get()).has("response_format")).isFalse();
  }

  @Test
  void sendsTheApiKeyFromTheSecretStoreAndMasksItInErrors() throws IOException {
    String key = "k-" + UUID.randomUUID();
    serve(400, "{\"error\":{\"message\":\"bad request for key " + key + "\",\"type\":\"invalid_request_error\"}}", Map.of(), 0);
    SecretStore store = EnvironmentSecretStore.of(Map.of("MODEL_KEY", key));
    OpenAiCompatibleModelClient c = OpenAiCompatibleModelClient.builder(URI.create(base), "m").apiKey(store, "MODEL_KEY").build();
    assertThatThrownBy(() -> c.generate(request(null))).isInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " rejected the request (HTTP 400): bad request for key <redacted>");
    assertThat(authorization.get()).isEqualTo("Bearer " + key);
    assertThat(c.describe()).doesNotContain(key);
  }

  @Test
  void retriesOnceWithARotatedKeyAfterA401() throws IOException {
    String oldKey = "old-" + UUID.randomUUID();
    String newKey = "new-" + UUID.randomUUID();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      seen.add(auth);
      byte[] bytes = (("Bearer " + newKey).equals(auth) ? completion("ok", "stop") : "{\"error\":{\"message\":\"bad key\"}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(("Bearer " + newKey).equals(auth) ? 200 : 401, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    SecretStore rotating = new SecretStore() {
      @Override
      public dev.sreagent.spi.Secret get(String name) {
        return dev.sreagent.spi.Secret.ofString(name, "1", oldKey);
      }

      @Override
      public dev.sreagent.spi.Secret refresh(String name) {
        return dev.sreagent.spi.Secret.ofString(name, "2", newKey);
      }
    };
    OpenAiCompatibleModelClient c = OpenAiCompatibleModelClient.builder(URI.create(base), "m").apiKey(rotating, "MODEL_KEY").build();
    assertThat(c.generate(request(null)).text()).isEqualTo("ok");
    assertThat(seen).containsExactly("Bearer " + oldKey, "Bearer " + newKey);
  }

  @Test
  void aStill401AfterRefreshNamesTheSecretKey() throws IOException {
    serve(401, "{}", Map.of(), 0);
    OpenAiCompatibleModelClient c = OpenAiCompatibleModelClient.builder(URI.create(base), "m")
        .apiKey(EnvironmentSecretStore.of(Map.of("MODEL_KEY", "k-" + UUID.randomUUID())), "MODEL_KEY").build();
    assertThatThrownBy(() -> c.generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " rejected the credentials (HTTP 401): check the API key in the secret named by "
            + "sre-agent.local.model.api-key-secret");
  }

  @Test
  void mapsThrottlingWithRetryAfterSeconds() throws IOException {
    serve(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "12"), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(RetriableException.class)
        .hasMessage("The model server at " + base + " is throttling requests (HTTP 429): slow down")
        .satisfies(t -> assertThat(((RetriableException) t).retryAfter()).contains(Duration.ofSeconds(12)));
  }

  @Test
  void mapsServerErrorsWithAnHttpDateRetryAfter() throws IOException {
    serve(503, "upstream down", Map.of("Retry-After", "Thu, 01 Jan 2026 00:01:00 GMT"), 0);
    OpenAiCompatibleModelClient c = OpenAiCompatibleModelClient.builder(URI.create(base), "m")
        .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
    assertThatThrownBy(() -> c.generate(request(null))).isExactlyInstanceOf(RetriableException.class)
        .hasMessage("The model server at " + base + " failed (HTTP 503)")
        .satisfies(t -> assertThat(((RetriableException) t).retryAfter()).contains(Duration.ofMinutes(1)));
  }

  @Test
  void mapsCredentialAndPermissionAndNotFoundErrorsToTheirFix() throws IOException {
    serve(401, "{\"error\":{\"message\":\"no key\"}}", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " rejected the credentials (HTTP 401): set sre-agent.local.model.api-key-secret "
            + "to the name of the secret holding the API key");
    stop();
    serve(403, "{}", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " refused access to model 'local-model' (HTTP 403): give the API key access to that model "
            + "or change sre-agent.local.model.model");
    stop();
    serve(404, "Not Found", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " has no chat-completions endpoint or no model 'local-model' (HTTP 404): "
            + "check sre-agent.local.model.base-url (most servers want it to end in /v1) and sre-agent.local.model.model");
  }

  @Test
  void aContextLengthErrorIsNotRetriableAndSaysSo() throws IOException {
    serve(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"code\":\"context_length_exceeded\"}}", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The prompt is too long for model 'local-model' (HTTP 400, context length exceeded): shorten the prompt or lower "
            + "the output tokens; retrying will not help");
  }

  @Test
  void aNonJsonAnswerToASchemaRequestIsInvalidModelOutput() throws IOException {
    serve(200, completion("Here you go: {a: 1}", "stop"), Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(SCHEMA))).isInstanceOf(InvalidModelOutputException.class)
        .hasMessage("The answer of model 'served-model-7' is not valid JSON at line 1 column 1: a JSON document for schema 'triage' was requested");
  }

  @Test
  void aCutJsonAnswerSaysToRaiseTheTokenLimit() throws IOException {
    serve(200, completion("{\"a\": ", "length"), Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(SCHEMA))).isInstanceOf(InvalidModelOutputException.class)
        .hasMessageStartingWith("The answer of model 'served-model-7' was cut at the output-token limit and is not complete JSON")
        .hasMessageEndingWith(": raise maxOutputTokens for schema 'triage'");
  }

  @Test
  void aRefusalIsNotRetriable() throws IOException {
    serve(200, "{\"model\":\"m\",\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,\"refusal\":\"I can't help\"},"
        + "\"finish_reason\":\"stop\"}]}", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(SCHEMA))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("Model 'm' refused the request: I can't help");
  }

  @Test
  void somethingThatIsNotAChatCompletionIsAClearError() throws IOException {
    serve(200, "<html>proxy login</html>", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " answered with something that is not JSON: check sre-agent.local.model.base-url "
            + "points at an OpenAI-compatible API");
    stop();
    serve(200, "{\"choices\":[]}", Map.of(), 0);
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(NonRetriableException.class)
        .hasMessage("The model server at " + base + " answered without choices[0]: check sre-agent.local.model.base-url points at an "
            + "OpenAI-compatible chat-completions API");
  }

  @Test
  void aTimeoutIsRetriable() throws IOException {
    serve(200, completion("late", "stop"), Map.of(), 800);
    ModelRequest quick = new ModelRequest(List.of(ChatMessage.user("x")), null, 10, 0, Duration.ofMillis(200));
    assertThatThrownBy(() -> client().generate(quick)).isExactlyInstanceOf(RetriableException.class)
        .hasMessage("The model server at " + base + " did not answer within PT0.2S");
  }

  @Test
  void anUnreachableServerIsRetriable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port + "/v1";
    assertThatThrownBy(() -> client().generate(request(null))).isExactlyInstanceOf(RetriableException.class)
        .hasMessage("Cannot connect to the model server at " + base + ": is it running? (sre-agent.local.model.base-url)");
  }
}
