package dev.sreagent.github.internal;

import org.kohsuke.github.authorization.AuthorizationProvider;

/**
 * A credential github-api sends as the {@code Authorization} header. Implementations read secret values
 * from the {@link dev.sreagent.spi.SecretStore} only and never show them in {@code toString()}, logs or
 * exception messages.
 */
public interface GitHubCredential extends AuthorizationProvider {

  /** @return how messages describe the credential: "the token in secret 'github-token'"; never a value */
  String describe();

  /** @return true for a GitHub App installation token, false for a personal access token */
  boolean isApp();

  /** Forgets cached values so the next request reads the secret again (after a 401: it may have been rotated). */
  void invalidate();
}
