package dev.sreagent.local;

import dev.sreagent.RetriableException;
import dev.sreagent.local.internal.ChatCompletions;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ModelClient} for any server of the OpenAI chat-completions API (OpenAI, vLLM, llama.cpp's
 * server, Ollama's {@code /v1}, LM Studio, LiteLLM…), on the JDK {@link HttpClient}.
 *
 * <p>{@code POST {base-url}/chat/completions} with {@code model}, {@code messages}, {@code max_tokens},
 * {@code temperature} and, when a schema is requested, {@code response_format: {type: json_schema,
 * json_schema: {name, schema, strict: true}}}. Maps {@code usage}, {@code finish_reason} and {@code model}.
 * 429, 408, 5xx, timeouts and connection failures are {@link RetriableException} (with the
 * {@code Retry-After} wait); 400/401/403/404 are {@link dev.sreagent.NonRetriableException} whose message says what to
 * fix; a prompt over the model's context length is non-retriable and says so; an answer to a schema
 * request that is not JSON is an {@link dev.sreagent.spi.InvalidModelOutputException}.
 *
 * <p>The API key is the secret named by {@code sre-agent.local.model.api-key-secret}, read from the
 * {@link SecretStore} on each call (the store caches); after a 401 the secret is {@linkplain SecretStore#refresh
 * refreshed} and, if it changed (rotation), the call is made once more. Thread safe.
 */
public final class OpenAiCompatibleModelClient implements ModelClient {
  private final URI endpoint;
  private final String baseUrl;
  private final String model;
  private final @Nullable String apiKeySecret;
  private final @Nullable SecretStore secrets;
  private final Duration timeout;
  private final Clock clock;
  private final HttpClient http;
  private final ChatCompletions wire;

  private OpenAiCompatibleModelClient(Builder b) {
    this.baseUrl = b.baseUrl.toString().replaceAll("/+$", "");
    this.endpoint = URI.create(baseUrl + "/chat/completions");
    this.model = b.model;
    this.apiKeySecret = b.apiKeySecret;
    this.secrets = b.secrets;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.wire = new ChatCompletions(baseUrl, model, LocalModelClientProvider.BASE_URL, LocalModelClientProvider.MODEL,
        LocalModelClientProvider.API_KEY_SECRET, apiKeySecret != null);
  }

  /**
   * @param baseUrl the API base, e.g. {@code http://127.0.0.1:8080/v1}
   * @param model the model name the server serves
   */
  public static Builder builder(URI baseUrl, String model) {
    return new Builder(baseUrl, model);
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    Duration callTimeout = request.timeout().compareTo(timeout) < 0 ? request.timeout() : timeout;
    String body = wire.requestBody(request);
    String apiKey = apiKeySecret != null && secrets != null ? secrets.get(apiKeySecret).reveal() : null;
    HttpResponse<String> response = send(body, apiKey, callTimeout);
    if (response.statusCode() == 401 && apiKeySecret != null && secrets != null) {
      String fresh = secrets.refresh(apiKeySecret).reveal();
      if (!fresh.equals(apiKey)) {
        apiKey = fresh;
        response = send(body, apiKey, callTimeout);
      }
    }
    if (response.statusCode() != 200) {
      throw wire.error(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null), clock, apiKey);
    }
    return wire.response(response.body(), request);
  }

  private HttpResponse<String> send(String body, @Nullable String apiKey, Duration callTimeout) {
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
        .timeout(callTimeout.isZero() || callTimeout.isNegative() ? Duration.ofMillis(1) : callTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    try {
      return http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new RetriableException("The model server at " + baseUrl + " did not answer within " + callTimeout, e);
    } catch (ConnectException e) {
      throw new RetriableException("Cannot connect to the model server at " + baseUrl + ": is it running? (" + LocalModelClientProvider.BASE_URL + ")", e);
    } catch (IOException e) {
      throw new RetriableException("The connection to the model server at " + baseUrl + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("Interrupted while waiting for the model server at " + baseUrl, e);
    }
  }

  @Override
  public String describe() {
    return "openai-compatible[" + model + " at " + baseUrl + "]";
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Builds an {@link OpenAiCompatibleModelClient}. */
  public static final class Builder {
    private final URI baseUrl;
    private final String model;
    private @Nullable String apiKeySecret;
    private @Nullable SecretStore secrets;
    private Duration timeout = Duration.ofSeconds(120);
    private Clock clock = Clock.systemUTC();

    private Builder(URI baseUrl, String model) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The API key: the secret {@code secretName} read from {@code store} on each call. */
    public Builder apiKey(SecretStore store, String secretName) {
      this.secrets = Objects.requireNonNull(store, "store");
      this.apiKeySecret = Objects.requireNonNull(secretName, "secretName");
      return this;
    }

    /** Upper bound of one call (default 120s); a request's own timeout applies when shorter. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Time source for {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return the client */
    public OpenAiCompatibleModelClient build() {
      return new OpenAiCompatibleModelClient(this);
    }
  }
}
