package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.discovery.Capability;
import dev.sreagent.discovery.ProviderDiscovery;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.CodeHostProvider;
import dev.sreagent.spi.ProviderContext;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GitHubCodeHostProviderTest {
  @Test
  void theServiceFileListsTheProviderExactlyOnce() {
    assertThat(ServiceLoader.load(CodeHostProvider.class).stream().map(p -> p.type().getName()).collect(Collectors.toList()))
        .containsOnlyOnce(GitHubCodeHostProvider.class.getName());
    assertThat(ProviderDiscovery.using(getClass().getClassLoader()).candidates(Capability.CODE_HOST).names())
        .containsOnlyOnce("github");
  }

  @Test
  void discoverySelectsGitHubByName() {
    ConfigProperties config = ConfigProperties.builder().put(CodeHostProvider.SELECTOR_KEY, "github").build();
    assertThat(ProviderDiscovery.using(getClass().getClassLoader()).select(Capability.CODE_HOST, config).provider())
        .isInstanceOf(GitHubCodeHostProvider.class);
  }

  @Test
  void createsACodeHostFromTheContextUsingItsSecretStoreAndClock() {
    try (Fixture f = Fixture.fineGrained()) {
      ProviderContext ctx = ProviderContext.of(f.properties(), f.secrets, f.clock);
      try (CodeHost host = new GitHubCodeHostProvider().create(ctx)) {
        assertThat(host).isInstanceOf(GitHubCodeHost.class);
        assertThat(host.readFile("README.md", Optional.empty())).isPresent();
        assertThat(f.secrets.gets.get()).isEqualTo(1);
      }
    }
  }

  @Test
  void withoutASecretStoreTheErrorSaysSo() {
    try (Fixture f = Fixture.fineGrained()) {
      assertThatThrownBy(() -> new GitHubCodeHostProvider().create(ProviderContext.of(f.properties())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("No secret store is available here");
    }
  }

  @Test
  void theProviderIsNamedGithub() {
    assertThat(new GitHubCodeHostProvider().name()).isEqualTo("github");
  }
}
