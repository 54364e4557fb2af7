package dev.sreagent.github.internal;

import dev.sreagent.github.GitHubConfig;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHRepository;

/** Makes sure the labels the agent sets exist in the repository, creating missing ones once. Thread safe. */
public final class Labels {
  private static final String AGENT_COLOR = "5319e7";
  private static final String OTHER_COLOR = "ededed";
  private static final String AGENT_DESCRIPTION = "Opened by sre-agent: requires human review";

  private final List<String> labels;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** @param labels the labels to ensure, {@value GitHubConfig#AGENT_LABEL} first */
  public Labels(List<String> labels) {
    this.labels = List.copyOf(labels);
  }

  /** @return the labels */
  public List<String> names() {
    return labels;
  }

  /** @return the configured labels followed by {@code extra} ones, without repeats */
  public List<String> with(List<String> extra) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(labels);
    all.addAll(extra);
    return List.copyOf(all);
  }

  /** Creates the labels among {@code names} that do not exist yet. */
  public void ensure(GHRepository repo, List<String> names) throws IOException {
    for (String name : names) {
      if (known.contains(name)) {
        continue;
      }
      try {
        repo.getLabel(name);
      } catch (IOException e) {
        if (!GitHubErrors.isNotFound(e)) {
          throw e;
        }
        create(repo, name);
      }
      known.add(name);
    }
  }

  private static void create(GHRepository repo, String name) throws IOException {
    boolean agent = name.equals(GitHubConfig.AGENT_LABEL);
    try {
      repo.createLabel(name, agent ? AGENT_COLOR : OTHER_COLOR, agent ? AGENT_DESCRIPTION : "");
    } catch (IOException e) {
      if (GitHubErrors.statusOf(e) != 422) { // 422 already_exists: another instance created it meanwhile
        throw e;
      }
    }
  }
}
