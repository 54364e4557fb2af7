package dev.sreagent.discovery;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.spi.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader} on a given class loader and selects one per capability.
 *
 * <p>Order: an explicit instance (handled by the agent's builder before asking here) → the provider
 * named by the capability's key ({@code sre-agent.log-source=aws}) → exactly one non-local provider on
 * the classpath → the {@code local} provider. Two or more non-local providers and no name is an error
 * listing them and the key to set; a name with no provider is an error naming the artifact to add. A
 * provider whose constructor throws is logged, reported in {@link Candidates#broken()}, and skipped.
 *
 * <p>Thread safe; each call loads afresh.
 */
public final class ProviderDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);
  /** Provider names shipped by this project, and the artifact that carries each. */
  private static final Map<String, String> OUR_ARTIFACTS = Map.of(
      "local", "sre-agent-core", "gcp", "sre-agent-gcp", "aws", "sre-agent-aws", "azure", "sre-agent-azure",
      "github", "sre-agent-github");

  private final ClassLoader classLoader;

  private ProviderDiscovery(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  /** @return discovery on the thread's context class loader (or this class's loader when none is set) */
  public static ProviderDiscovery standard() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return new ProviderDiscovery(cl != null ? cl : ProviderDiscovery.class.getClassLoader());
  }

  /** @return discovery on {@code classLoader} */
  public static ProviderDiscovery using(ClassLoader classLoader) {
    return new ProviderDiscovery(classLoader);
  }

  /**
   * Loads every provider of a capability, skipping (and logging) those that fail to instantiate.
   *
   * @throws ConfigurationException when two providers share a name
   */
  public <T, P extends Provider<T>> Candidates<P> candidates(Capability<T, P> capability) {
    List<P> loaded = new ArrayList<>();
    List<BrokenProvider> broken = new ArrayList<>();
    ServiceLoader<P> loader = ServiceLoader.load(capability.providerType(), classLoader);
    Iterator<ServiceLoader.Provider<P>> it = loader.stream().iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      ServiceLoader.Provider<P> handle;
      try {
        if (!it.hasNext()) {
          break;
        }
        handle = it.next();
      } catch (ServiceConfigurationError e) {
        // a services file names a class that is missing or not a provider: ServiceLoader only tells us in the message
        BrokenProvider b = new BrokenProvider("(unloadable class)", describe(e));
        LOG.warn("A {} provider failed to load and was skipped: {}", capability.displayName(), b.error());
        broken.add(b);
        continue;
      }
      try {
        loaded.add(handle.get());
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        BrokenProvider b = new BrokenProvider(handle.type().getName(), describe(e));
        LOG.warn("{} provider {} failed to load and was skipped: {}", capability.displayName(), b.className(), b.error());
        broken.add(b);
      }
    }
    loaded.sort(Comparator.comparing(Provider::name));
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (P p : loaded) {
      byName.computeIfAbsent(p.name(), n -> new ArrayList<>()).add(p.getClass().getName());
    }
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new ConfigurationException("Two " + capability.displayName() + " providers are named '" + e.getKey() + "': "
            + String.join(", ", e.getValue()) + ". Remove one of the jars that carry them from the classpath");
      }
    }
    return new Candidates<>(capability, loaded, broken);
  }

  /**
   * Selects the provider for a capability.
   *
   * @throws ConfigurationException with an exact, one-line message when no choice can be made
   */
  public <T, P extends Provider<T>> Selection<P> select(Capability<T, P> capability, ConfigProperties config) {
    Candidates<P> found = candidates(capability);
    String key = capability.selectorKey();
    Optional<String> named = config.get(key).map(String::trim).filter(s -> !s.isEmpty());
    if (named.isPresent()) {
      String name = named.get();
      Optional<P> p = found.named(name);
      if (p.isPresent()) {
        return new Selection<>(p.get(), "named by " + key + "=" + name + " (" + config.origin(key).orElse("config") + ")");
      }
      throw new ConfigurationException(key + "=" + name + " but no " + capability.displayName() + " provider named '" + name
          + "' is on the classpath: " + artifactAdvice(name) + " (found: " + namesOrNone(found) + ")" + brokenSuffix(found));
    }
    List<P> nonLocal = found.nonLocal();
    if (nonLocal.size() == 1) {
      return new Selection<>(nonLocal.get(0), "the only non-local " + capability.displayName() + " provider on the classpath");
    }
    if (nonLocal.size() > 1) {
      throw new ConfigurationException("Found " + nonLocal.size() + " " + capability.displayName() + " providers on the classpath ("
          + nonLocal.stream().map(Provider::name).collect(Collectors.joining(", ")) + "): set " + key
          + " (environment variable " + ConfigProperties.environmentName(key) + ") to the one to use");
    }
    Optional<P> local = found.named(Provider.LOCAL);
    if (local.isPresent()) {
      return new Selection<>(local.get(), "default: no other " + capability.displayName() + " provider on the classpath");
    }
    throw new ConfigurationException("No " + capability.displayName() + " provider is on the classpath: add dev.sreagent:sre-agent-core "
        + "(local providers) or a provider module such as dev.sreagent:sre-agent-aws" + brokenSuffix(found));
  }

  private static String artifactAdvice(String name) {
    String artifact = OUR_ARTIFACTS.get(name);
    if (artifact != null) {
      return "add the dependency dev.sreagent:" + artifact;
    }
    return "check the spelling, or add the jar that provides '" + name + "'";
  }

  private static String namesOrNone(Candidates<?> found) {
    return found.providers().isEmpty() ? "none" : String.join(", ", found.names());
  }

  private static String brokenSuffix(Candidates<?> found) {
    if (found.broken().isEmpty()) {
      return "";
    }
    return "; failed to load: " + found.broken().stream().map(BrokenProvider::toString).collect(Collectors.joining(", "));
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    Set<Throwable> seen = new java.util.HashSet<>();
    while (root.getCause() != null && seen.add(root)) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }
}
