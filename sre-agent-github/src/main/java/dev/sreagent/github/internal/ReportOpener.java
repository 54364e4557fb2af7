package dev.sreagent.github.internal;

import dev.sreagent.github.GitHubConfig;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ReportRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a report as an issue carrying the {@value GitHubConfig#AGENT_LABEL} label and the key in a hidden
 * marker on the body's first line, set in the same request that creates it. The key is found again by
 * listing the open issues with the label (consistent at once, unlike search), so a retry after a crash
 * returns the issue already made.
 */
public final class ReportOpener {
  private static final Logger LOG = LoggerFactory.getLogger(ReportOpener.class);

  private final GitHubConfig config;
  private final Labels labels;

  /**
   * @param config the settings
   * @param labels the labels to set
   */
  public ReportOpener(GitHubConfig config, Labels labels) {
    this.config = config;
    this.labels = labels;
  }

  /** @return the open report for {@code key}, if any */
  public Optional<GHIssue> findOpen(GHRepository repo, ChangeKey key) throws IOException {
    String marker = Markers.body(key);
    for (GHIssue issue : repo.queryIssues().label(GitHubConfig.AGENT_LABEL).state(GHIssueState.OPEN).pageSize(100).list()) {
      if (!issue.isPullRequest() && issue.getBody() != null && Markers.startsWith(issue.getBody(), marker)) {
        return Optional.of(issue);
      }
    }
    return Optional.empty();
  }

  /** Opens the report, or returns the open one with the key. */
  public ChangeRef open(GHRepository repo, ReportRequest request) throws IOException {
    Optional<GHIssue> existing = findOpen(repo, request.key());
    if (existing.isPresent()) {
      return ref(existing.get(), request.key(), false);
    }
    List<String> wanted = labels.with(request.labels());
    labels.ensure(repo, wanted);
    GHIssueBuilder b = repo.createIssue(request.title()).body(Markers.body(request.key()) + "\n" + request.body());
    for (String label : wanted) {
      b.label(label);
    }
    GHIssue issue = b.create();
    LOG.info("Opened report issue #{} for {} on {}", issue.getNumber(), request.key(), config.fullName());
    return ref(issue, request.key(), true);
  }

  /** @return the reference to an issue */
  static ChangeRef ref(GHIssue issue, ChangeKey key, boolean created) {
    return new ChangeRef(key, ChangeRef.Kind.REPORT, Integer.toString(issue.getNumber()), issue.getHtmlUrl().toString(), "", "",
        created);
  }
}
