package dev.sreagent.discovery;

import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.CodeHostProvider;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.LogSourceProvider;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.MessageBusProvider;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelClientProvider;
import dev.sreagent.spi.Provider;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.spi.SecretStoreProvider;

/**
 * The five capabilities, with the provider interface {@code ServiceLoader} looks up and the key that
 * selects a provider by name.
 *
 * @param <T> the capability's interface
 * @param <P> its provider interface
 */
public final class Capability<T, P extends Provider<T>> {
  /** Pulls logs. */
  public static final Capability<LogSource, LogSourceProvider> LOG_SOURCE =
      new Capability<>("LogSource", LogSourceProvider.class, LogSourceProvider.SELECTOR_KEY);
  /** Work queue. */
  public static final Capability<MessageBus, MessageBusProvider> MESSAGE_BUS =
      new Capability<>("MessageBus", MessageBusProvider.class, MessageBusProvider.SELECTOR_KEY);
  /** Credentials. */
  public static final Capability<SecretStore, SecretStoreProvider> SECRET_STORE =
      new Capability<>("SecretStore", SecretStoreProvider.class, SecretStoreProvider.SELECTOR_KEY);
  /** Language model. */
  public static final Capability<ModelClient, ModelClientProvider> MODEL_CLIENT =
      new Capability<>("ModelClient", ModelClientProvider.class, ModelClientProvider.SELECTOR_KEY);
  /** Repository and pull requests. */
  public static final Capability<CodeHost, CodeHostProvider> CODE_HOST =
      new Capability<>("CodeHost", CodeHostProvider.class, CodeHostProvider.SELECTOR_KEY);

  private final String displayName;
  private final Class<P> providerType;
  private final String selectorKey;

  private Capability(String displayName, Class<P> providerType, String selectorKey) {
    this.displayName = displayName;
    this.providerType = providerType;
    this.selectorKey = selectorKey;
  }

  /** @return all five, in pipeline order */
  public static java.util.List<Capability<?, ?>> all() {
    return java.util.List.of(LOG_SOURCE, MESSAGE_BUS, SECRET_STORE, MODEL_CLIENT, CODE_HOST);
  }

  /** @return the interface name, e.g. {@code LogSource} */
  public String displayName() {
    return displayName;
  }

  /** @return the provider interface {@code ServiceLoader} looks up */
  public Class<P> providerType() {
    return providerType;
  }

  /** @return the key naming the provider to use, e.g. {@code sre-agent.log-source} */
  public String selectorKey() {
    return selectorKey;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
