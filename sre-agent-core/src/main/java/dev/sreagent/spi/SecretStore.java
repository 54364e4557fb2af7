package dev.sreagent.spi;

/**
 * Reads credentials by name. Every credential a provider needs (a GitHub token, a model API key) comes
 * through here, never from configuration values.
 *
 * <p>Semantics: {@link #get} may serve from a cache with a TTL; after an authentication failure with a
 * secret, callers call {@link #refresh} to bypass the cache (the secret may have been rotated). Names may
 * carry a provider-defined suffix such as {@code name#jsonKey}.
 *
 * <p>Discovered through {@link SecretStoreProvider} and selected by {@code sre-agent.secret-store}.
 * Implementations must be thread safe and must never put a secret value in a log line, an exception
 * message or a {@code toString()}.
 */
public interface SecretStore extends AutoCloseable {

  /**
   * @param name the secret's name
   * @return the secret
   * @throws dev.sreagent.NonRetriableException when no such secret exists or access is denied (the message
   *     names the secret, never its value)
   * @throws dev.sreagent.RetriableException when the store is unavailable
   */
  Secret get(String name);

  /** Reads {@code name} again, bypassing any cache. Default: {@link #get}. */
  default Secret refresh(String name) {
    return get(name);
  }

  /** Releases connections. Idempotent. */
  @Override
  default void close() {}
}
