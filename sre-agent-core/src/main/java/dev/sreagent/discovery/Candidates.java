package dev.sreagent.discovery;

import dev.sreagent.spi.Provider;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ServiceLoader} found for one capability.
 *
 * @param capability the capability
 * @param providers the providers that loaded, sorted by name
 * @param broken the providers that failed to load
 * @param <P> the provider interface
 */
public record Candidates<P extends Provider<?>>(Capability<?, ?> capability, List<P> providers, List<BrokenProvider> broken) {
  /** Copies. */
  public Candidates {
    providers = List.copyOf(providers);
    broken = List.copyOf(broken);
  }

  /** @return the provider with {@code name}, if loaded */
  public Optional<P> named(String name) {
    return providers.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** @return the names of the loaded providers, sorted */
  public List<String> names() {
    return providers.stream().map(Provider::name).toList();
  }

  /** @return the loaded providers other than {@code local} */
  public List<P> nonLocal() {
    return providers.stream().filter(p -> !p.name().equals(Provider.LOCAL)).toList();
  }
}
