package dev.sreagent.github.internal;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.github.GitHubConfig;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.FileChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHCommit;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTreeBuilder;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a draft pull request idempotently. Every step first looks for its own result, so a retry after a
 * failure at any point completes the change instead of repeating it:
 *
 * <ol>
 *   <li>an open pull request whose head is {@code sre-agent/<key>} → it is the change (completed if its
 *       labels are missing) and nothing else happens;
 *   <li>the branch {@code sre-agent/<key>}, created from the default branch's head when missing;
 *   <li>the commit: when the branch head's message carries the key's trailer it is done; else blobs, one
 *       tree on the branch head's tree, one commit, and a fast-forward ref update;
 *   <li>the labels exist; the draft pull request is created (a 422 "already exists" means a concurrent
 *       attempt won: its pull request is returned);
 *   <li>reviewers are requested, then labels added — labels last, so a pull request without the
 *       {@value GitHubConfig#AGENT_LABEL} label is known to be unfinished.
 * </ol>
 *
 * <p>A retry after the commit was created but before the ref moved leaves that commit unreachable (git
 * collects it); the branch holds exactly one commit.
 */
public final class ChangeOpener {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeOpener.class);

  private final GitHubConfig config;
  private final Labels labels;
  private final RepositoryReader reader;

  /**
   * @param config the settings (reviewers)
   * @param labels the labels to set
   * @param reader the tree cache (for file modes)
   */
  public ChangeOpener(GitHubConfig config, Labels labels, RepositoryReader reader) {
    this.config = config;
    this.labels = labels;
    this.reader = reader;
  }

  /** @return the open pull request for {@code key}, if any */
  public Optional<GHPullRequest> findOpen(GHRepository repo, ChangeKey key) throws IOException {
    for (GHPullRequest pr : repo.queryPullRequests().head(config.owner() + ":" + Markers.branch(key))
        .state(GHIssueState.OPEN).list()) {
      if (pr.getHead() != null && Markers.branch(key).equals(pr.getHead().getRef())) {
        return Optional.of(pr);
      }
    }
    return Optional.empty();
  }

  /** Opens the change (see the class comment). */
  public ChangeRef open(GitHub gh, GHRepository repo, ChangeRequest request) throws IOException {
    ChangeKey key = request.key();
    Optional<GHPullRequest> existing = findOpen(repo, key);
    if (existing.isPresent()) {
      return complete(gh, repo, existing.get(), key, labels.with(request.labels()), false);
    }
    String branch = Markers.branch(key);
    String base = repo.getDefaultBranch();
    GHRef ref = branchRef(repo, branch, base);
    String head = ref.getObject().getSha();
    GHCommit headCommit = repo.getCommit(head);
    if (!Markers.hasTrailer(headCommit.getCommitShortInfo().getMessage(), key)) {
      String commit = commit(repo, request, head, headCommit.getCommitShortInfo().getTreeSHA1());
      try {
        ref.updateTo(commit, false);
      } catch (IOException e) {
        if (GitHubErrors.statusOf(e) == 422) {
          throw new RetriableException("Branch " + branch + " on " + config.fullName()
              + " moved while the change was being committed: retry", e);
        }
        throw e;
      }
      LOG.debug("Committed {} to {} on {}", commit, branch, config.fullName());
    }
    List<String> wanted = labels.with(request.labels());
    labels.ensure(repo, wanted);
    GHPullRequest pr;
    try {
      pr = repo.createPullRequest(request.title(), branch, base, Markers.body(key) + "\n" + request.body(), false, true);
    } catch (IOException e) {
      if (GitHubErrors.statusOf(e) == 422) {
        Optional<GHPullRequest> raced = findOpen(repo, key);
        if (raced.isPresent()) {
          return complete(gh, repo, raced.get(), key, wanted, false);
        }
      }
      throw e;
    }
    LOG.info("Opened draft pull request #{} for change {} on {}", pr.getNumber(), key, config.fullName());
    return complete(gh, repo, pr, key, wanted, true);
  }

  private GHRef branchRef(GHRepository repo, String branch, String base) throws IOException {
    try {
      return repo.getRef("heads/" + branch);
    } catch (IOException e) {
      if (!GitHubErrors.isNotFound(e)) {
        throw e;
      }
    }
    String baseSha = repo.getRef("heads/" + base).getObject().getSha();
    try {
      return repo.createRef("refs/heads/" + branch, baseSha);
    } catch (IOException e) {
      if (GitHubErrors.statusOf(e) == 422) { // "Reference already exists": a concurrent attempt made it
        return repo.getRef("heads/" + branch);
      }
      throw e;
    }
  }

  private String commit(GHRepository repo, ChangeRequest request, String parent, String parentTree) throws IOException {
    RepositoryReader.Tree current = reader.tree(repo, parent);
    GHTreeBuilder tree = repo.createTree().baseTree(parentTree);
    for (FileChange file : request.files()) {
      String blob = repo.createBlob().textContent(file.content()).create().getSha();
      RepositoryReader.Entry old = current.files().get(file.path());
      tree.shaEntry(file.path(), blob, old != null && old.mode().equals("100755"));
    }
    String treeSha = tree.create().getSha();
    if (treeSha.equals(parentTree)) {
      throw new NonRetriableException("The change " + request.key() + " does not modify any file on " + config.fullName()
          + ": every file already has the proposed content");
    }
    return repo.createCommit()
        .message(request.title() + "\n\nProposed by sre-agent for human review.\n\n" + Markers.TRAILER + request.key().value())
        .tree(treeSha)
        .parent(parent)
        .create()
        .getSHA1();
  }

  private ChangeRef complete(GitHub gh, GHRepository repo, GHPullRequest pr, ChangeKey key, List<String> wanted, boolean created)
      throws IOException {
    boolean labelled = false;
    for (GHLabel l : pr.getLabels()) {
      labelled |= GitHubConfig.AGENT_LABEL.equals(l.getName());
    }
    if (!labelled) {
      requestReviewers(gh, pr);
      labels.ensure(repo, wanted);
      pr.addLabels(wanted.toArray(String[]::new));
    }
    return new ChangeRef(key, ChangeRef.Kind.CHANGE, Integer.toString(pr.getNumber()), pr.getHtmlUrl().toString(),
        Markers.branch(key), pr.getHead().getSha(), created);
  }

  private void requestReviewers(GitHub gh, GHPullRequest pr) throws IOException {
    if (config.reviewers().isEmpty()) {
      return;
    }
    List<GHUser> users = new ArrayList<>();
    for (String login : config.reviewers()) {
      try {
        users.add(gh.getUser(login));
      } catch (IOException e) {
        if (!GitHubErrors.isNotFound(e)) {
          throw e;
        }
        LOG.warn("GitHub has no user '{}' named in {}: pull request #{} of {} is opened without that reviewer", login,
            GitHubConfig.REVIEWERS, pr.getNumber(), config.fullName());
      }
    }
    if (users.isEmpty()) {
      return;
    }
    try {
      pr.requestReviewers(users);
    } catch (IOException e) {
      if (GitHubErrors.statusOf(e) != 422) {
        throw e;
      }
      LOG.warn("GitHub refused the reviewers {} on pull request #{} of {} ({}): check {} (each must be a collaborator)",
          config.reviewers(), pr.getNumber(), config.fullName(), GitHubErrors.gitHubMessage(e), GitHubConfig.REVIEWERS);
    }
  }
}
