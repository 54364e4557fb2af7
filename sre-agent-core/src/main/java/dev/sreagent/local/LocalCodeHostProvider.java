package dev.sreagent.local;

import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.CodeHostProvider;
import dev.sreagent.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code local} {@link CodeHostProvider}: a {@link LocalGitCodeHost}. Keys: {@value #REPO} (required),
 * {@value #BASE_BRANCH} (default: detected), {@value #GIT} (default {@code git}), {@value #GIT_TIMEOUT}
 * (default 30s).
 */
public final class LocalCodeHostProvider implements CodeHostProvider {
  /** The git repository. */
  public static final String REPO = "sre-agent.local.repo";
  /** The branch changes start from. */
  public static final String BASE_BRANCH = "sre-agent.local.base-branch";
  /** The git executable. */
  public static final String GIT = "sre-agent.local.git";
  /** How long one git call may take. */
  public static final String GIT_TIMEOUT = "sre-agent.local.git-timeout";

  /** For {@link java.util.ServiceLoader}. */
  public LocalCodeHostProvider() {}

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public CodeHost create(ProviderContext context) {
    ConfigReader r = ConfigReader.of(context.config(), "sre-agent.local code host");
    String repo = r.required(REPO, "the path of a git repository");
    String base = r.optional(BASE_BRANCH).orElse(null);
    r.check(base == null || (base.matches("[A-Za-z0-9._/-]{1,200}") && !base.startsWith("-") && !base.contains("..")),
        "Invalid value '" + base + "' for " + BASE_BRANCH + ": expected a branch name such as main");
    String git = r.string(GIT, "git");
    Duration timeout = r.positiveDuration(GIT_TIMEOUT, Duration.ofSeconds(30));
    r.validate();
    return LocalGitCodeHost.open(Path.of(repo), base, git, timeout, context.clock());
  }
}
