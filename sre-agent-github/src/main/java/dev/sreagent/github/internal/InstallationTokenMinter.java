package dev.sreagent.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.HttpException;

/**
 * {@code POST /app/installations/{id}/access_tokens}, sent with the JDK client rather than github-api
 * because github-api logs every response body at {@code FINEST}, and this body is the token. The exchange is
 * bounded by {@link TimedExchange} like every github-api request. Rate limits
 * become a {@link GitHubLimitException}; other failures an {@link HttpException} carrying GitHub's error
 * body (which holds no token), for {@link GitHubErrors}.
 */
final class InstallationTokenMinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TimedExchange exchange;
  private final URI baseUrl;
  private final GitHubLimitHandlers limits;

  InstallationTokenMinter(TimedExchange exchange, URI baseUrl, GitHubLimitHandlers limits) {
    this.exchange = exchange;
    this.baseUrl = baseUrl;
    this.limits = limits;
  }

  /** A minted token: keep {@code value} out of logs. */
  record Minted(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "Minted[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
  }

  Minted mint(String jwt, long installationId, String repository, Map<String, GHPermissionType> permissions) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("repositories").add(repository);
    ObjectNode perms = body.putObject("permissions");
    permissions.forEach((k, v) -> perms.put(k, v.name().toLowerCase(java.util.Locale.ROOT)));
    String url = baseUrl + "/app/installations/" + installationId + "/access_tokens";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + jwt)
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = exchange.send(request);
    String responseBody = new String(response.body(), StandardCharsets.UTF_8);
    int status = response.statusCode();
    String remaining = response.headers().firstValue("X-RateLimit-Remaining").orElse(null);
    String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
    if (status == 429 || (status == 403 && ("0".equals(remaining) || retryAfter != null))) {
      boolean secondary = retryAfter != null || !"0".equals(remaining);
      throw new GitHubLimitException("GitHub " + (secondary ? "secondary" : "primary") + " rate limit reached (HTTP " + status + ")",
          limits.waitFor(retryAfter, remaining, response.headers().firstValue("X-RateLimit-Reset").orElse(null)), secondary);
    }
    if (status != 201 && status != 200) {
      throw new HttpException(responseBody, status, null, url);
    }
    JsonNode json = JSON.readTree(responseBody);
    String token = json.path("token").asText("");
    if (token.isEmpty() || !json.hasNonNull("expires_at")) {
      throw new HttpException("{\"message\":\"the access token response has no token or expires_at\"}", 502, null, url);
    }
    return new Minted(token, Instant.parse(json.path("expires_at").asText()));
  }
}
