package dev.sreagent.pipeline;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ModelClient} that routes to a primary client and, when it is unavailable, to fallbacks in order.
 * Each client is wrapped by Failsafe: a timeout per attempt (the request's {@link ModelRequest#timeout()}),
 * a circuit breaker, and retries with jittered exponential backoff for {@link RetriableException} and
 * timeouts only (honouring {@link RetriableException#retryAfter()} within the backoff cap). A
 * {@link NonRetriableException} (including {@link dev.sreagent.spi.InvalidModelOutputException}) is passed to
 * the caller at once: another model would not be asked a bad request. When every client is unavailable it
 * throws {@link RetriableException}. Thread safe.
 */
public final class ModelRouter implements ModelClient {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRouter.class);
  private final List<Route> routes;

  private record Route(ModelClient client, CircuitBreaker<ModelResponse> breaker, RetryPolicy<ModelResponse> retry) {}

  private ModelRouter(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    List<String> failures = new ArrayList<>();
    RetriableException last = null;
    for (Route r : routes) {
      Timeout<ModelResponse> timeout = Timeout.<ModelResponse>builder(request.timeout()).withInterrupt().build();
      FailsafeExecutor<ModelResponse> exec = Failsafe.with(r.retry()).compose(r.breaker()).compose(timeout);
      try {
        return exec.get(() -> r.client().generate(request));
      } catch (NonRetriableException e) {
        throw e;
      } catch (CircuitBreakerOpenException e) {
        failures.add(r.client().describe() + ": circuit open");
        last = new RetriableException("circuit open for " + r.client().describe(), e);
      } catch (TimeoutExceededException e) {
        failures.add(r.client().describe() + ": timed out after " + request.timeout().toMillis() + " ms");
        last = new RetriableException("model call timed out", e);
      } catch (RetriableException e) {
        failures.add(r.client().describe() + ": " + e.getMessage());
        last = e;
      } catch (FailsafeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        failures.add(r.client().describe() + ": " + cause);
        last = new RetriableException("model call failed", cause);
      }
      LOG.warn("Model client {} unavailable, trying the next one if any: {}", r.client().describe(), failures.get(failures.size() - 1));
    }
    throw new RetriableException("Every model client is unavailable: " + String.join("; ", failures),
        last == null ? null : last.retryAfter().orElse(null), last);
  }

  @Override
  public String describe() {
    return routes.stream().map(r -> r.client().describe()).collect(Collectors.joining(" -> ", "router(", ")"));
  }

  /** @return the state of each client's circuit breaker, in route order ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}) */
  public List<String> breakerStates() {
    return routes.stream().map(r -> r.breaker().getState().name()).toList();
  }

  /** Closes every client. */
  @Override
  public void close() {
    for (Route r : routes) {
      try {
        r.client().close();
      } catch (Exception e) {
        LOG.warn("Closing model client {} failed: {}", r.client().describe(), e.toString());
      }
    }
  }

  /** Builds a {@link ModelRouter}; not thread safe. */
  public static final class Builder {
    private final List<ModelClient> clients = new ArrayList<>();
    private ResilienceSettings settings = ResilienceSettings.defaults();

    private Builder() {}

    /** The first client asked. */
    public Builder primary(ModelClient client) {
      clients.add(0, Objects.requireNonNull(client, "client"));
      return this;
    }

    /** A client asked when those before it are unavailable. */
    public Builder fallback(ModelClient client) {
      clients.add(Objects.requireNonNull(client, "client"));
      return this;
    }

    /** Retry and breaker settings (default {@link ResilienceSettings#defaults()}). */
    public Builder settings(ResilienceSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** @return the router */
    public ModelRouter build() {
      if (clients.isEmpty()) {
        throw new IllegalStateException("a model router needs a primary client");
      }
      List<Route> routes = new ArrayList<>();
      for (ModelClient c : clients) {
        routes.add(new Route(c, breaker(settings), retry(settings, c)));
      }
      return new ModelRouter(routes);
    }

    private static CircuitBreaker<ModelResponse> breaker(ResilienceSettings s) {
      return CircuitBreaker.<ModelResponse>builder()
          .handleIf(ModelRouter::isTransient)
          .withFailureThreshold(s.breakerFailures(), s.breakerWindow())
          .withDelay(s.breakerOpenFor())
          .withSuccessThreshold(1)
          .build();
    }

    private static RetryPolicy<ModelResponse> retry(ResilienceSettings s, ModelClient c) {
      var b = RetryPolicy.<ModelResponse>builder()
          .handleIf(ModelRouter::isTransient)
          .withMaxRetries(s.maxRetries())
          .onRetry(e -> LOG.info("Retrying model client {} (attempt {}) after {}", c.describe(), e.getAttemptCount() + 1,
              String.valueOf(e.getLastException())));
      if (s.backoffMax().compareTo(s.backoffMin()) > 0) {
        b.withBackoff(s.backoffMin(), s.backoffMax());
      } else {
        b.withDelay(s.backoffMin());
      }
      if (s.jitter() > 0) {
        b.withJitter(s.jitter());
      }
      Duration cap = s.backoffMax();
      b.withDelayFnOn(ctx -> {
        RetriableException e = (RetriableException) ctx.getLastException();
        Duration d = e.retryAfter().orElse(Duration.ofMillis(-1));
        return d.compareTo(cap) > 0 ? cap : d;
      }, RetriableException.class);
      return b.build();
    }
  }

  private static boolean isTransient(ModelResponse result, Throwable failure) {
    return failure instanceof RetriableException || failure instanceof TimeoutExceededException;
  }
}
