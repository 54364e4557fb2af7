package dev.sreagent.github;

import dev.sreagent.SreAgentException;
import dev.sreagent.github.internal.AppCredential;
import dev.sreagent.github.internal.ChangeOpener;
import dev.sreagent.github.internal.EvidenceComments;
import dev.sreagent.github.internal.GitHubClients;
import dev.sreagent.github.internal.GitHubCredential;
import dev.sreagent.github.internal.GitHubErrors;
import dev.sreagent.github.internal.Labels;
import dev.sreagent.github.internal.PermissionCheck;
import dev.sreagent.github.internal.ReportOpener;
import dev.sreagent.github.internal.RepositoryReader;
import dev.sreagent.github.internal.TokenCredential;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.ReportRequest;
import dev.sreagent.spi.RepositoryPaths;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * The {@link CodeHost} for GitHub and GitHub Enterprise Server, on github-api. Changes are draft pull requests
 * from the branch {@code sre-agent/<change key>} with all files in one commit (Git data API), labelled
 * {@value GitHubConfig#AGENT_LABEL}; reports are issues with that label and the key in a hidden marker.
 * Both are idempotent by key (see {@link ChangeOpener}). Rate limits fail at once with a
 * {@link dev.sreagent.RetriableException} carrying GitHub's wait; nothing sleeps or loops.
 *
 * <p>Created by {@link GitHubCodeHostProvider} (provider name {@code github}) or with {@link #create}.
 * Thread safe.
 */
public final class GitHubCodeHost implements CodeHost {
  private static final Duration REPOSITORY_TTL = Duration.ofMinutes(5);
  /** GitHub refuses longer titles of issues and pull requests. */
  static final int MAX_TITLE = 256;
  /** GitHub refuses longer bodies of issues, pull requests and comments. */
  static final int MAX_BODY = 65536;

  private final GitHubConfig config;
  private final GitHubCredential credential;
  private final GitHub gh;
  private final Clock clock;
  private final GitHubErrors errors;
  private final RepositoryReader reader;
  private final ChangeOpener changes;
  private final ReportOpener reports;
  private final EvidenceComments comments;
  private @Nullable GHRepository repository;
  private Instant repositoryReadAt = Instant.MIN;

  private GitHubCodeHost(GitHubConfig config, GitHubCredential credential, GitHub gh, Clock clock) {
    this.config = config;
    this.credential = credential;
    this.gh = gh;
    this.clock = clock;
    this.errors = new GitHubErrors(config.fullName(), credential.describe());
    this.reader = new RepositoryReader(config.maxFileBytes());
    Labels labels = new Labels(config.allLabels());
    this.changes = new ChangeOpener(config, labels, reader);
    this.reports = new ReportOpener(config, labels);
    this.comments = new EvidenceComments(clock, config.commentMinInterval());
  }

  /**
   * Creates the code host and, when {@link GitHubConfig#verifyPermissions()} is set, checks at once what the
   * credential may do on the repository.
   *
   * @param config validated settings
   * @param secrets where the token or the app's private key is stored
   * @param clock the time source (token expiry, rate-limit waits, comment interval)
   * @return the code host; close it when done
   * @throws dev.sreagent.ConfigurationException when the credential lacks a permission (the message names it)
   */
  public static GitHubCodeHost create(GitHubConfig config, SecretStore secrets, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(clock, "clock");
    GitHubClients clients = new GitHubClients(config.baseUrl(), config.connectTimeout(), config.requestTimeout(), clock);
    GitHubCredential credential = config.auth() == GitHubConfig.AuthMode.APP
        ? new AppCredential(config, secrets, clock, clients)
        : new TokenCredential(secrets, config.tokenSecret().orElseThrow());
    GitHubCodeHost host = new GitHubCodeHost(config, credential, clients.build(credential), clock);
    if (config.verifyPermissions()) {
      host.keep(PermissionCheck.verify(host.gh, config, credential, host.errors));
    }
    return host;
  }

  /** @return the settings */
  public GitHubConfig config() {
    return config;
  }

  @Override
  public Optional<FileContent> readFile(String path, Optional<String> ref) {
    RepositoryPaths.requireSafe(path);
    return call("reading " + path, () -> {
      GHRepository repo = repo();
      return reader.read(repo, reader.resolve(repo, ref), path);
    });
  }

  @Override
  public List<String> listPaths(Optional<String> ref) {
    return call("listing the repository's files", () -> {
      GHRepository repo = repo();
      return reader.paths(repo, reader.resolve(repo, ref));
    });
  }

  @Override
  public Optional<ChangeRef> find(ChangeKey key) {
    return call("looking for change " + key, () -> {
      GHRepository repo = repo();
      Optional<GHPullRequest> pr = changes.findOpen(repo, key);
      if (pr.isPresent()) {
        return Optional.of(new ChangeRef(key, ChangeRef.Kind.CHANGE, Integer.toString(pr.get().getNumber()),
            pr.get().getHtmlUrl().toString(), pr.get().getHead().getRef(), pr.get().getHead().getSha(), false));
      }
      Optional<GHIssue> issue = reports.findOpen(repo, key);
      return issue.map(i -> new ChangeRef(key, ChangeRef.Kind.REPORT, Integer.toString(i.getNumber()),
          i.getHtmlUrl().toString(), "", "", false));
    });
  }

  @Override
  public ChangeRef openChange(ChangeRequest request) {
    checkText("the pull request for " + request.key(), request.title(), request.body());
    return call("opening the draft pull request for change " + request.key(), () -> changes.open(gh, repo(), request));
  }

  @Override
  public ChangeRef openReport(ReportRequest request) {
    checkText("the report for " + request.key(), request.title(), request.body());
    return call("opening the report for " + request.key(), () -> reports.open(repo(), request));
  }

  @Override
  public void comment(ChangeRef ref, String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    try {
      Integer.parseInt(ref.id());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a GitHub issue or pull request number: " + ref.id(), e);
    }
    commentIfDue(ref, markdown);
  }

  /**
   * Adds an evidence comment unless one was added less than {@code sre-agent.github.comment-min-interval} ago.
   *
   * @return true when posted
   */
  public boolean commentIfDue(ChangeRef ref, String markdown) {
    checkText("the comment on #" + ref.id(), "-", markdown);
    return call("commenting on #" + ref.id(), () -> comments.post(repo(), ref, markdown));
  }

  @Override
  public void close() {
    // the JDK HttpClient has no close() before Java 21; its threads end when it is unreachable
  }

  @Override
  public String toString() {
    return "GitHubCodeHost[repository=" + config.fullName() + ", baseUrl=" + config.baseUrl() + ", credential=" + credential + "]";
  }

  /** Refuses, before any request, text GitHub would refuse with a 422 after the branch and commit exist. */
  private static void checkText(String what, String title, String body) {
    int bodyLength = body.length() + 100; // the hidden marker line
    if (title.isBlank() || title.length() > MAX_TITLE || bodyLength > MAX_BODY) {
      throw new dev.sreagent.NonRetriableException("GitHub would refuse " + what + ": the title must be 1 to " + MAX_TITLE
          + " characters (it has " + title.length() + ") and the body at most " + (MAX_BODY - 100) + " characters (it has "
          + body.length() + "); shorten them (move long evidence to a linked artifact)");
    }
  }

  private synchronized void keep(GHRepository repo) {
    repository = repo;
    repositoryReadAt = clock.instant();
  }

  private GHRepository repo() throws IOException {
    synchronized (this) {
      if (repository != null && clock.instant().isBefore(repositoryReadAt.plus(REPOSITORY_TTL))) {
        return repository;
      }
    }
    GHRepository repo = gh.getRepository(config.fullName());
    keep(repo);
    return repo;
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  private <T> T call(String action, Call<T> call) {
    try {
      return call.run();
    } catch (SreAgentException e) {
      throw e;
    } catch (IOException e) {
      throw mapped(e, action);
    } catch (RuntimeException e) {
      if (hasIoCause(e)) {
        throw mapped(e, action); // github-api wraps IOExceptions of paged listings in GHException
      }
      throw e; // a programming error (IllegalArgumentException, ...), not a GitHub failure
    }
  }

  private SreAgentException mapped(Exception e, String action) {
    if (GitHubErrors.statusOf(e) == 401) {
      credential.invalidate();
    }
    return errors.map(e, action);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof SreAgentException) {
        return true;
      }
    }
    return false;
  }
}
