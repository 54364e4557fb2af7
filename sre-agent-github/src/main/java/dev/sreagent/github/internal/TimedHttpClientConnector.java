package dev.sreagent.github.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The github-api connector: every request goes through a {@link TimedExchange}, so no call waits longer than
 * {@link dev.sreagent.github.GitHubConfig#REQUEST_TIMEOUT} for GitHub, body included. Responses are read whole
 * before github-api sees them (REST responses are small; files are capped by {@code max-file-bytes}). Thread safe.
 */
final class TimedHttpClientConnector implements GitHubConnector {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = caseInsensitive("Connection", "Content-Length", "Expect", "Host", "Upgrade");

  private final TimedExchange exchange;

  TimedHttpClientConnector(TimedExchange exchange) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(request.url().toURI());
    } catch (URISyntaxException e) {
      throw new IOException("not a valid request URL: " + request.url(), e);
    }
    for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
      if (header.getKey() != null && !RESTRICTED.contains(header.getKey())) {
        for (String value : header.getValue()) {
          if (value != null) {
            builder.header(header.getKey(), value);
          }
        }
      }
    }
    HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    if (request.hasBody()) {
      try (InputStream in = request.body()) {
        body = HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
      }
    }
    builder.method(request.method(), body);
    HttpResponse<byte[]> response = exchange.send(builder);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":")) { // HTTP/2 pseudo-headers such as :status are not headers to github-api
        headers.put(name, values);
      }
    });
    return new Response(request, response.statusCode(), headers, response.body());
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return Collections.unmodifiableSet(set);
  }

  /** A response already read whole; github-api's {@link ByteArrayResponse} undoes {@code gzip} and caches it. */
  private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
    private final byte @Nullable [] body;

    Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte @Nullable [] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    protected @Nullable InputStream rawBodyStream() {
      return body == null ? null : new ByteArrayInputStream(body);
    }
  }
}
