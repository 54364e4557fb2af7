package dev.sreagent.testkit.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.local.LocalModelClientProvider;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.testkit.CannedAnswer;
import dev.sreagent.testkit.ModelClientContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;

/** The OpenAI-compatible client against a local HTTP server speaking the chat-completions wire format. */
class OpenAiCompatibleModelClientContractTest extends ModelClientContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private ModelClient serve(int status, String body, String retryAfter) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (retryAfter != null) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
      }
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    ConfigProperties config = ConfigProperties.builder()
        .put(LocalModelClientProvider.BASE_URL, "http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .put(LocalModelClientProvider.MODEL, "configured-model")
        .build();
    return new LocalModelClientProvider().create(ProviderContext.of(config));
  }

  @Override
  protected ModelClient clientAnswering(CannedAnswer answer) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", answer.modelId());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", ReplayModelClientContractTest.openAiWord(answer.finishReason()));
    choice.putObject("message").put("role", "assistant").put("content", answer.text());
    root.putObject("usage").put("prompt_tokens", answer.inputTokens()).put("completion_tokens", answer.outputTokens())
        .put("total_tokens", answer.inputTokens() + answer.outputTokens());
    return serve(200, root.toString(), null);
  }

  @Override
  protected boolean supportsHttpErrors() {
    return true;
  }

  @Override
  protected ModelClient clientFailingWith(int status, String retryAfterSeconds) {
    return serve(status, "{\"error\":{\"message\":\"failure " + status + "\",\"type\":\"server_error\"}}", retryAfterSeconds);
  }
}
