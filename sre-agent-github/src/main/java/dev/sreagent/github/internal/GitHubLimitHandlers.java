package dev.sreagent.github.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Rate-limit handlers for github-api that fail the request at once with a {@link GitHubLimitException}
 * carrying the wait, instead of the library's default of sleeping and sending the request again. The
 * caller (the agent's retry layer, or the message bus redelivering) decides when to retry.
 *
 * <p>The wait follows GitHub's documented rules: {@code Retry-After} seconds (or an HTTP date) when present;
 * else, when {@code X-RateLimit-Remaining} is 0, until {@code X-RateLimit-Reset} (epoch seconds); else one
 * minute. Never less than one second.
 */
public final class GitHubLimitHandlers {
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);
  private static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

  private final Clock clock;

  /** @param clock the time "now" is measured on */
  public GitHubLimitHandlers(Clock clock) {
    this.clock = clock;
  }

  /** @return the handler for the primary limit (403 with {@code X-RateLimit-Remaining: 0}) */
  public GitHubRateLimitHandler primary() {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws GitHubLimitException {
        throw new GitHubLimitException("GitHub primary rate limit reached (HTTP " + response.statusCode() + ")",
            waitFor(response.header("Retry-After"), response.header("X-RateLimit-Remaining"), response.header("X-RateLimit-Reset")),
            false);
      }
    };
  }

  /** @return the handler for secondary limits (429, or 403 with {@code Retry-After}) */
  public GitHubAbuseLimitHandler secondary() {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws GitHubLimitException {
        boolean primary = "0".equals(response.header("X-RateLimit-Remaining")) && response.header("Retry-After") == null;
        throw new GitHubLimitException(
            "GitHub " + (primary ? "primary" : "secondary") + " rate limit reached (HTTP " + response.statusCode() + ")",
            waitFor(response.header("Retry-After"), response.header("X-RateLimit-Remaining"), response.header("X-RateLimit-Reset")),
            !primary);
      }
    };
  }

  /**
   * @param retryAfter the {@code Retry-After} header, if any
   * @param remaining the {@code X-RateLimit-Remaining} header, if any
   * @param reset the {@code X-RateLimit-Reset} header (epoch seconds), if any
   * @return the wait GitHub asks for
   */
  Duration waitFor(@Nullable String retryAfter, @Nullable String remaining, @Nullable String reset) {
    Instant now = clock.instant();
    Duration wait = null;
    if (retryAfter != null) {
      wait = parseRetryAfter(retryAfter.trim(), now);
    }
    if (wait == null && "0".equals(remaining) && reset != null) {
      try {
        wait = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(reset.trim())));
      } catch (NumberFormatException e) {
        wait = null;
      }
    }
    if (wait == null) {
      wait = DEFAULT_WAIT;
    }
    return wait.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : wait;
  }

  private static @Nullable Duration parseRetryAfter(String value, Instant now) {
    try {
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      try {
        return Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
