package dev.sreagent.github.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.SreAgentException;
import dev.sreagent.github.GitHubConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/**
 * The one place where github-api failures become the core's exceptions. Messages name the operation and
 * the fix, never a token, a request header or a response body beyond GitHub's one-line {@code message}.
 * The github-api exception is kept as the cause.
 */
public final class GitHubErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 300;

  private final String repository;
  private final String credential;

  /**
   * @param repository {@code owner/name}, for messages
   * @param credential how the credential is described in messages (a secret's name, never its value)
   */
  public GitHubErrors(String repository, String credential) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.credential = Objects.requireNonNull(credential, "credential");
  }

  /** @return the 404 status of {@code e}: true when GitHub answered Not Found */
  public static boolean isNotFound(Throwable e) {
    return e instanceof FileNotFoundException || statusOf(e) == 404;
  }

  /** @return true when {@code e} is (or wraps) a rate-limit refusal */
  public static boolean isRateLimited(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GitHubLimitException) {
        return true;
      }
    }
    return false;
  }

  /** @return the HTTP status GitHub answered with, or -1 when there was no answer */
  public static int statusOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h && h.getResponseCode() > 0) {
        return h.getResponseCode();
      }
      if (t instanceof FileNotFoundException) {
        return 404;
      }
    }
    return -1;
  }

  /** @return GitHub's one-line {@code message} from the error body, or "" */
  public static String gitHubMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h && h.getMessage() != null && h.getMessage().startsWith("{")) {
        try {
          JsonNode body = JSON.readTree(h.getMessage());
          StringBuilder out = new StringBuilder(body.path("message").asText(""));
          for (JsonNode err : body.path("errors")) {
            String detail = err.isTextual() ? err.asText() : err.path("message").asText(err.path("code").asText(""));
            if (!detail.isEmpty()) {
              out.append(out.length() == 0 ? "" : "; ").append(detail);
            }
          }
          String s = out.toString().replaceAll("[\\r\\n\\t]+", " ");
          return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
        } catch (IOException notJson) {
          return "";
        }
      }
    }
    return "";
  }

  /** @return the value of response header {@code name} (any case) found on {@code e} or its causes, or null */
  public static @Nullable String header(Throwable e, String name) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GHIOException g && g.getResponseHeaderFields() != null) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        g.getResponseHeaderFields().forEach((k, v) -> {
          if (k != null) {
            headers.put(k, v);
          }
        });
        List<String> values = headers.get(name);
        if (values != null && !values.isEmpty()) {
          return values.get(0);
        }
      }
    }
    return null;
  }

  /**
   * Maps a github-api failure.
   *
   * @param e what github-api threw (an {@link IOException} or a runtime wrapper of one)
   * @param action what was being done, as a phrase: "creating the pull request for sre-agent/x"
   * @return the exception to throw
   */
  public SreAgentException map(Throwable e, String action) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SreAgentException s) {
        return s;
      }
      if (t instanceof GitHubTimeoutException timeout) {
        return new RetriableException("GitHub did not answer within " + GitHubTimeoutException.format(timeout.timeout()) + " ("
            + GitHubConfig.REQUEST_TIMEOUT + ") while " + action + " on " + repository + ": retry later, or raise "
            + GitHubConfig.REQUEST_TIMEOUT + " if GitHub is often this slow", e);
      }
      if (t instanceof GitHubLimitException limit) {
        return new RetriableException(limit.getMessage() + " while " + action + " on " + repository + ": retry after "
            + limit.waitTime().toSeconds() + "s", limit.waitTime(), e);
      }
    }
    int status = statusOf(e);
    String gh = gitHubMessage(e);
    String said = gh.isEmpty() ? "" : " (GitHub said: " + gh + ")";
    if (status == 401) {
      return new NonRetriableException("GitHub rejected the credential (401) while " + action + " on " + repository
          + ": check that " + credential + " is valid and not expired or revoked" + said, e);
    }
    if (status == 403) {
      String accepted = header(e, "X-Accepted-GitHub-Permissions");
      String fix = accepted != null && !accepted.isBlank()
          ? ": the credential lacks the permission GitHub requires here (" + accepted.trim() + "); grant it and retry"
          : ": the credential may not do this; see docs/providers/github.md for the permissions needed";
      return new NonRetriableException("GitHub denied " + action + " on " + repository + " (403)" + fix + said, e);
    }
    if (status == 404) {
      return new NonRetriableException("GitHub found nothing (404) while " + action + " on " + repository
          + ": check that the repository exists and that " + credential + " can see it" + said, e);
    }
    if (status == 409 || status == 422 || (status >= 400 && status < 500)) {
      return new NonRetriableException("GitHub rejected " + action + " on " + repository + " (" + status + ")" + said, e);
    }
    if (status >= 500) {
      return new RetriableException("GitHub failed (" + status + ") while " + action + " on " + repository + ": retry later" + said, e);
    }
    if (e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
        && !(e instanceof java.net.http.HttpTimeoutException)) {
      Thread.currentThread().interrupt();
    }
    return new RetriableException("Could not reach GitHub while " + action + " on " + repository + " ("
        + rootCauseType(e) + "): retry later", e);
  }

  /** @return the simple name of the first exception in the chain that is not github-api's own wrapper */
  private static String rootCauseType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (!t.getClass().getName().startsWith("org.kohsuke.github.")) {
        return t.getClass().getSimpleName();
      }
    }
    return e.getClass().getSimpleName();
  }
}
