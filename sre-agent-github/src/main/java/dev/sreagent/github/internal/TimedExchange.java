package dev.sreagent.github.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request on the JDK {@link HttpClient} and reads the whole response body, all within one deadline.
 * {@link HttpRequest.Builder#timeout} alone only bounds the wait for the response headers; a body that stalls
 * after them would block forever, so the exchange also waits on the response future with the same limit and
 * cancels it when the limit passes. Either way the caller gets a {@link GitHubTimeoutException}. Thread safe.
 */
final class TimedExchange {
  private final HttpClient http;
  private final Duration timeout;

  TimedExchange(HttpClient http, Duration timeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** @return the per-exchange limit */
  Duration timeout() {
    return timeout;
  }

  /**
   * @param request the request; its timeout is set here
   * @return the response with its whole body
   * @throws GitHubTimeoutException when the exchange outlasts the limit (the request is not sent again)
   * @throws IOException when the exchange failed otherwise (the JDK's exception, unchanged)
   */
  HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> response =
        http.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      response.cancel(true);
      throw new GitHubTimeoutException(timeout, e);
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted while waiting for GitHub").initCause(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new GitHubTimeoutException(timeout, cause);
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }
}
