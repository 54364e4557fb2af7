package dev.sreagent.github.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.RateLimitChecker;
import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * Builds github-api clients that share one JDK {@link HttpClient}, bound every exchange by the request timeout
 * ({@link TimedHttpClientConnector}) and fail fast on rate limits (no sleeping, no resending:
 * {@link GitHubLimitHandlers}). Thread safe.
 */
public final class GitHubClients {
  private final URI baseUrl;
  private final TimedExchange exchange;
  private final GitHubLimitHandlers limits;

  /**
   * @param baseUrl the REST API root
   * @param connectTimeout TCP connect timeout
   * @param requestTimeout the longest one exchange (request sent, whole response read) may take
   * @param clock the clock rate-limit waits are measured on
   */
  public GitHubClients(URI baseUrl, Duration connectTimeout, Duration requestTimeout, Clock clock) {
    this.baseUrl = baseUrl;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
    if ("http".equalsIgnoreCase(baseUrl.getScheme())) {
      b.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain http (loopback tests, proxies)
    }
    this.exchange = new TimedExchange(b.build(), requestTimeout);
    this.limits = new GitHubLimitHandlers(clock);
  }

  /** @return the installation-token request, on the same HTTP client */
  InstallationTokenMinter minter() {
    return new InstallationTokenMinter(exchange, baseUrl, limits);
  }

  /**
   * @param auth what to send as {@code Authorization}
   * @return a client on the configured endpoint
   */
  public GitHub build(AuthorizationProvider auth) {
    try {
      return new GitHubBuilder()
          .withEndpoint(baseUrl.toString())
          .withConnector(new TimedHttpClientConnector(exchange))
          .withAuthorizationProvider(auth)
          .withRateLimitHandler(limits.primary())
          .withAbuseLimitHandler(limits.secondary())
          .withRateLimitChecker(RateLimitChecker.NONE)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the GitHub client for " + baseUrl, e);
    }
  }
}
