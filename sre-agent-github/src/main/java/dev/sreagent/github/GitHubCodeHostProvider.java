package dev.sreagent.github;

import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.CodeHostProvider;
import dev.sreagent.spi.ProviderContext;

/**
 * Provides {@link GitHubCodeHost} under the name {@code github}. Listed in
 * {@code META-INF/services/dev.sreagent.spi.CodeHostProvider}; selected by {@code sre-agent.code-host=github}
 * or by being the only non-local code host on the classpath. Reads {@code sre-agent.github.*}
 * ({@link GitHubConfig}); the token or the app's private key comes from the context's
 * {@link dev.sreagent.spi.SecretStore}. Thread safe; the constructor does no I/O.
 */
public final class GitHubCodeHostProvider implements CodeHostProvider {
  /** The provider's name. */
  public static final String NAME = "github";

  /** For {@link java.util.ServiceLoader}. */
  public GitHubCodeHostProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CodeHost create(ProviderContext context) {
    GitHubConfig config = GitHubConfig.read(context.config());
    return GitHubCodeHost.create(config, context.secrets(), context.clock());
  }
}
