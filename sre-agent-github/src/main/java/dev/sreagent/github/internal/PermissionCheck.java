package dev.sreagent.github.internal;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.SreAgentException;
import dev.sreagent.github.GitHubConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start what the credential may do on the configured repository, so a missing permission fails
 * the agent's start with a message naming it instead of failing the first pull request hours later.
 *
 * <ul>
 *   <li>Every credential: the repository must be visible ({@code GET /repos/{owner}/{repo}}).
 *   <li>GitHub App: the installation's permissions were checked when the token was minted ({@link AppCredential}).
 *   <li>Classic personal access token (GitHub sends {@code X-OAuth-Scopes}): the scope {@code repo} (or
 *       {@code public_repo} for a public repository) is required and the user must be able to push; scopes
 *       beyond that are logged as a warning.
 *   <li>Fine-grained personal access token (no {@code X-OAuth-Scopes}): GitHub has no endpoint listing a
 *       fine-grained token's permissions, so three write requests that can never succeed are sent — a ref to
 *       the all-zero commit, a pull request from the default branch onto itself, an issue without a title.
 *       GitHub checks the permission before validating the request: {@code 422} means the permission is
 *       there, {@code 403} means it is missing. Nothing is created.
 * </ul>
 */
public final class PermissionCheck {
  static final String ZERO_SHA = "0000000000000000000000000000000000000000";
  static final String PROBE_BRANCH = "refs/heads/sre-agent/permission-check";
  private static final Logger LOG = LoggerFactory.getLogger(PermissionCheck.class);
  private static final Set<String> CLASSIC_NEEDED = Set.of("repo", "public_repo", "repo:status", "repo_deployment", "repo:invite");

  private PermissionCheck() {}

  /**
   * @param gh the client, authenticated with {@code credential}
   * @param config the settings
   * @param credential the credential in use
   * @param errors the error mapper
   * @return the repository as the credential sees it
   * @throws ConfigurationException naming what is missing
   */
  public static GHRepository verify(GitHub gh, GitHubConfig config, GitHubCredential credential, GitHubErrors errors) {
    GHRepository repo;
    try {
      repo = gh.getRepository(config.fullName());
    } catch (IOException | RuntimeException e) {
      if (GitHubErrors.isNotFound(e)) {
        throw new ConfigurationException("Repository " + config.fullName() + " was not found, or " + credential.describe()
            + " cannot see it: check " + GitHubConfig.REPOSITORY + " and give the credential access to the repository", e);
      }
      throw atStart(errors.map(e, "reading the repository"));
    }
    if (!repo.hasIssues()) {
      LOG.warn("Issues are disabled on {}: reports (openReport) will fail until Issues are enabled in the repository's settings",
          config.fullName());
    }
    if (credential.isApp()) {
      return repo;
    }
    String scopes = scopesHeader(repo.getResponseHeaderFields());
    if (scopes != null) {
      checkClassic(repo, config, credential, scopes);
    } else {
      checkFineGrained(repo, config, credential, errors);
    }
    return repo;
  }

  private static void checkClassic(GHRepository repo, GitHubConfig config, GitHubCredential credential, String header) {
    Set<String> scopes = new TreeSet<>();
    Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(scopes::add);
    boolean enough = scopes.contains("repo") || (!repo.isPrivate() && scopes.contains("public_repo"));
    if (!enough) {
      throw new ConfigurationException("The classic personal access token (" + credential.describe() + ") lacks the scope "
          + (repo.isPrivate() ? "repo" : "public_repo") + " needed to push branches and open pull requests and issues on "
          + config.fullName() + " (it has: " + (scopes.isEmpty() ? "no scopes" : String.join(", ", scopes))
          + "): create a fine-grained token instead (see docs/providers/github.md), or add the scope");
    }
    List<String> extra = scopes.stream().filter(s -> !CLASSIC_NEEDED.contains(s)).toList();
    if (!extra.isEmpty()) {
      LOG.warn("The classic personal access token ({}) has scopes broader than sre-agent needs: {}. It needs only {}. "
          + "Prefer a fine-grained token limited to {} or a GitHub App (docs/providers/github.md)",
          credential.describe(), String.join(", ", extra), repo.isPrivate() ? "repo" : "public_repo", config.fullName());
    } else {
      LOG.warn("The classic personal access token ({}) reaches every repository its user can: prefer a fine-grained token "
          + "limited to {} or a GitHub App (docs/providers/github.md)", credential.describe(), config.fullName());
    }
    if (!repo.hasPushAccess()) {
      throw new ConfigurationException("The user of " + credential.describe() + " cannot push to " + config.fullName()
          + ": give the user write access to the repository");
    }
  }

  private static void checkFineGrained(GHRepository repo, GitHubConfig config, GitHubCredential credential, GitHubErrors errors) {
    List<String> missing = new ArrayList<>();
    probe(missing, "Contents: Read and write", errors, "checking the Contents permission", () -> {
      GHRef ref = repo.createRef(PROBE_BRANCH, ZERO_SHA);
      LOG.warn("GitHub accepted the permission probe ref {}; deleting it", PROBE_BRANCH);
      ref.delete();
    });
    probe(missing, "Pull requests: Read and write", errors, "checking the Pull requests permission", () -> {
      GHPullRequest pr = repo.createPullRequest("sre-agent permission check", repo.getDefaultBranch(), repo.getDefaultBranch(),
          "", false, true);
      LOG.warn("GitHub accepted the permission probe pull request #{}; closing it", pr.getNumber());
      pr.close();
    });
    probe(missing, "Issues: Read and write", errors, "checking the Issues permission", () -> {
      GHIssue issue = repo.createIssue("").create();
      LOG.warn("GitHub accepted the permission probe issue #{}; closing it", issue.getNumber());
      issue.close();
    });
    if (!missing.isEmpty()) {
      throw new ConfigurationException("The fine-grained personal access token (" + credential.describe() + ") lacks the permission"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " on " + config.fullName()
          + ": edit the token (Settings → Developer settings → Fine-grained tokens), grant "
          + (missing.size() > 1 ? "them" : "it") + " for this repository, and save");
    }
  }

  private interface Probe {
    void run() throws IOException;
  }

  private static void probe(List<String> missing, String permission, GitHubErrors errors, String action, Probe probe) {
    try {
      probe.run();
    } catch (IOException | RuntimeException e) {
      int status = GitHubErrors.isRateLimited(e) ? -1 : GitHubErrors.statusOf(e);
      if (status == 422) {
        return; // allowed: GitHub got past the permission check to validation
      }
      if (status == 403) {
        missing.add(permission);
        return;
      }
      throw atStart(errors.map(e, action));
    }
  }

  private static SreAgentException atStart(SreAgentException e) {
    if (e instanceof NonRetriableException) {
      return new ConfigurationException(e.getMessage(), e);
    }
    return e;
  }

  private static @Nullable String scopesHeader(@Nullable Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, List<String>> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> {
      if (k != null) {
        ci.put(k.toLowerCase(Locale.ROOT), v);
      }
    });
    List<String> v = ci.get("x-oauth-scopes");
    return v == null || v.isEmpty() ? null : String.join(",", v);
  }
}
