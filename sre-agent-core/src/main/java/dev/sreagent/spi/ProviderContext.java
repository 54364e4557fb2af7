package dev.sreagent.spi;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a provider gets when it creates its capability: the configuration (a provider reads only
 * {@code sre-agent.<name>.*} and the global {@code sre-agent.mode}), the agent's {@link SecretStore} for
 * credentials, and a clock.
 *
 * <p>Thread safe and immutable.
 */
public final class ProviderContext {
  private final ConfigProperties config;
  private final @Nullable SecretStore secrets;
  private final Clock clock;

  private ProviderContext(ConfigProperties config, @Nullable SecretStore secrets, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.secrets = secrets;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param config the agent's configuration
   * @param secrets the secret store, or null while the secret store itself is being created
   * @param clock time source
   */
  public static ProviderContext of(ConfigProperties config, @Nullable SecretStore secrets, Clock clock) {
    return new ProviderContext(config, secrets, clock);
  }

  /** @return a context with the given config, no secret store, and the system clock (for tests and tools) */
  public static ProviderContext of(ConfigProperties config) {
    return new ProviderContext(config, null, Clock.systemUTC());
  }

  /** @return the configuration */
  public ConfigProperties config() {
    return config;
  }

  /** @return the run mode */
  public ConfigProperties.Mode mode() {
    return config.mode();
  }

  /**
   * @return the secret store
   * @throws ConfigurationException while the secret store itself is being created
   */
  public SecretStore secrets() {
    if (secrets == null) {
      throw new ConfigurationException(
          "No secret store is available here: a SecretStore provider cannot read its own credentials from a SecretStore; "
              + "use the cloud's default credential chain");
    }
    return secrets;
  }

  /** @return the clock providers must use for time (so tests can control it) */
  public Clock clock() {
    return clock;
  }
}
