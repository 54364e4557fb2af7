package dev.sreagent.github.internal;

import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token (fine-grained or classic) read from the {@link SecretStore} by name. The value is
 * read on first use and again after {@link #invalidate()}. Thread safe.
 */
public final class TokenCredential implements GitHubCredential {
  private final SecretStore secrets;
  private final String secretName;
  private @Nullable Secret token;
  private boolean refresh;

  /**
   * @param secrets where the token is stored
   * @param secretName the secret's name (from {@code sre-agent.github.token-secret})
   */
  public TokenCredential(SecretStore secrets, String secretName) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.secretName = Objects.requireNonNull(secretName, "secretName");
  }

  @Override
  public synchronized String getEncodedAuthorization() {
    if (token == null) {
      Secret s = refresh ? secrets.refresh(secretName) : secrets.get(secretName);
      refresh = false;
      String value = s.reveal().strip();
      if (value.isEmpty()) {
        throw new dev.sreagent.ConfigurationException("The secret '" + secretName
            + "' named by sre-agent.github.token-secret is empty: store the personal access token in it");
      }
      token = Secret.ofString(s.name(), s.version(), value);
    }
    return "token " + token.reveal();
  }

  @Override
  public String describe() {
    return "the token in secret '" + secretName + "'";
  }

  @Override
  public boolean isApp() {
    return false;
  }

  @Override
  public synchronized void invalidate() {
    if (token != null) {
      token.destroy();
    }
    token = null;
    refresh = true;
  }

  @Override
  public String toString() {
    return "TokenCredential[secret=" + secretName + "]";
  }
}
