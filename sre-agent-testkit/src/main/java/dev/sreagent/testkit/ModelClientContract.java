package dev.sreagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The {@link ModelClient} contract: structured output is JSON or an {@link InvalidModelOutputException}
 * (never a silent default), usage, model id and finish reason are mapped, and (optionally) HTTP failures
 * are classified.
 *
 * <p><b>How to extend.</b> Implement {@link #clientAnswering(CannedAnswer)}: serve the answer in your
 * service's real wire format from a fixture you run (a WireMock stub or a {@code com.sun.net.httpserver}
 * server on 127.0.0.1, a replay file) and return a client pointed at it. If your fixture can answer with
 * an HTTP error, return true from {@link #supportsHttpErrors()} and implement
 * {@link #clientFailingWith(int, String)}.
 */
public abstract class ModelClientContract {
  private final List<ModelClient> opened = new ArrayList<>();

  /** The schema the structured-output checks request. */
  protected static final ResponseSchema SCHEMA = new ResponseSchema("triage",
      "{\"type\":\"object\",\"properties\":{\"actionable\":{\"type\":\"boolean\"}},\"required\":[\"actionable\"],\"additionalProperties\":false}");

  /** @return a client whose every request gets {@code answer} from the subclass's fixture */
  protected abstract ModelClient clientAnswering(CannedAnswer answer);

  /** @return true when {@link #clientFailingWith} is implemented (default false) */
  protected boolean supportsHttpErrors() {
    return false;
  }

  /**
   * @param status the HTTP status every request gets
   * @param retryAfterSeconds a {@code Retry-After} header value, or null
   * @return a client pointed at a fixture that fails that way
   */
  protected ModelClient clientFailingWith(int status, String retryAfterSeconds) {
    throw new UnsupportedOperationException("override clientFailingWith when supportsHttpErrors() is true");
  }

  @AfterEach
  void closeClients() {
    opened.forEach(ModelClient::close);
    opened.clear();
  }

  private ModelClient client(CannedAnswer a) {
    ModelClient c = clientAnswering(a);
    opened.add(c);
    return c;
  }

  /** @return a request, with {@link #SCHEMA} when {@code structured} */
  protected static ModelRequest request(boolean structured) {
    return new ModelRequest(List.of(ChatMessage.system("You triage incidents."), ChatMessage.user("NullPointerException in OrderService")),
        structured ? SCHEMA : null, 256, 0.0, Duration.ofSeconds(10));
  }

  @Test
  void returnsStructuredAnswerWithUsageModelAndFinishReason() {
    ModelClient c = client(new CannedAnswer("{\"actionable\":true}", 123, 45, FinishReason.STOP, "contract-model-1"));
    ModelResponse r = c.generate(request(true));
    assertThat(r.text().replace(" ", "")).isEqualTo("{\"actionable\":true}");
    assertThat(r.usage().inputTokens()).isEqualTo(123);
    assertThat(r.usage().outputTokens()).isEqualTo(45);
    assertThat(r.modelId()).isEqualTo("contract-model-1");
    assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void returnsPlainTextWhenNoSchemaIsRequested() {
    ModelClient c = client(new CannedAnswer("The cache is cold.", 10, 5, FinishReason.STOP, "contract-model-1"));
    assertThat(c.generate(request(false)).text()).isEqualTo("The cache is cold.");
  }

  @Test
  void mapsTheLengthFinishReason() {
    ModelClient c = client(new CannedAnswer("{\"actionable\":false}", 10, 256, FinishReason.LENGTH, "contract-model-1"));
    assertThat(c.generate(request(true)).finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void invalidStructuredOutputIsAnErrorNotADefault() {
    ModelClient c = client(new CannedAnswer("Sure! The incident is actionable.", 10, 8, FinishReason.STOP, "contract-model-1"));
    Throwable t = catchThrowable(() -> c.generate(request(true)));
    assertThat(t).isInstanceOf(InvalidModelOutputException.class);
  }

  @Test
  void truncatedStructuredOutputIsAnError() {
    ModelClient c = client(new CannedAnswer("{\"actionable\": tr", 10, 256, FinishReason.LENGTH, "contract-model-1"));
    assertThat(catchThrowable(() -> c.generate(request(true)))).isInstanceOf(InvalidModelOutputException.class);
  }

  @Test
  void describesItselfWithoutCredentials() {
    ModelClient c = client(new CannedAnswer("ok", 1, 1, FinishReason.STOP, "contract-model-1"));
    assertThat(c.describe()).isNotBlank();
  }

  @Test
  void throttlingIsRetriableWithRetryAfter() {
    Assumptions.assumeTrue(supportsHttpErrors(), "the fixture cannot answer with HTTP errors");
    ModelClient c = clientFailingWith(429, "7");
    opened.add(c);
    Throwable t = catchThrowable(() -> c.generate(request(true)));
    assertThat(t).isInstanceOf(RetriableException.class);
    assertThat(((RetriableException) t).retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void serverErrorIsRetriable() {
    Assumptions.assumeTrue(supportsHttpErrors(), "the fixture cannot answer with HTTP errors");
    ModelClient c = clientFailingWith(503, null);
    opened.add(c);
    assertThat(catchThrowable(() -> c.generate(request(false)))).isInstanceOf(RetriableException.class);
  }

  @Test
  void badCredentialsAreNotRetriable() {
    Assumptions.assumeTrue(supportsHttpErrors(), "the fixture cannot answer with HTTP errors");
    ModelClient c = clientFailingWith(401, null);
    opened.add(c);
    assertThat(catchThrowable(() -> c.generate(request(false)))).isInstanceOf(NonRetriableException.class);
  }
}
