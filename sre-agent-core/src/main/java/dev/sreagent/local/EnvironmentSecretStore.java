package dev.sreagent.local;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.util.Map;

/**
 * Secrets from environment variables: the secret named {@code GITHUB_TOKEN} is the value of the variable
 * {@code GITHUB_TOKEN}. For a laptop only: {@link LocalSecretStoreProvider} refuses it in production mode,
 * because environment variables leak into child processes, crash dumps and {@code /proc}. Thread safe.
 */
public final class EnvironmentSecretStore implements SecretStore {
  private final Map<String, String> environment;

  private EnvironmentSecretStore(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** @return a store over the process environment */
  public static EnvironmentSecretStore ofProcessEnvironment() {
    return new EnvironmentSecretStore(System.getenv());
  }

  /** @param environment variable name → value (for tests and embedding) */
  public static EnvironmentSecretStore of(Map<String, String> environment) {
    return new EnvironmentSecretStore(environment);
  }

  @Override
  public Secret get(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,254}")) {
      throw new NonRetriableException("Invalid secret name '" + name.replaceAll("[^\\x20-\\x7e]", "?")
          + "' for the environment secret store: use an environment variable name such as GITHUB_TOKEN");
    }
    String value = environment.get(name);
    if (value == null) {
      throw new NonRetriableException("Secret '" + name + "' not found: the environment variable " + name + " is not set");
    }
    return Secret.ofString(name, "", value);
  }

  @Override
  public String toString() {
    return "EnvironmentSecretStore[" + environment.size() + " variables]";
  }
}
