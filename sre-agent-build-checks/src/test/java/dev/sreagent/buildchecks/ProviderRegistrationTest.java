package dev.sreagent.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.discovery.Candidates;
import dev.sreagent.discovery.Capability;
import dev.sreagent.discovery.ProviderDiscovery;
import org.junit.jupiter.api.Test;

/**
 * With every module on the classpath, each provider loads, exactly once per name, and every
 * capability has its local provider.
 */
class ProviderRegistrationTest {

  @Test
  void everyRegisteredProviderLoadsExactlyOnce() {
    ProviderDiscovery discovery = ProviderDiscovery.standard();
    for (Capability<?, ?> c : Capability.all()) {
      Candidates<?> found = discovery.candidates(c); // throws when two providers share a name
      assertThat(found.broken()).as("%s providers that failed to load", c).isEmpty();
      assertThat(found.names()).as("%s provider names", c).doesNotHaveDuplicates().contains("local");
    }
  }
}
