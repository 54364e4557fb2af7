package dev.sreagent.github.internal;

import dev.sreagent.ConfigurationException;
import dev.sreagent.github.GitHubConfig;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHApp;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GitHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GitHub App installation token: the app's private key (from the {@link SecretStore}) signs a JWT, the
 * JWT finds the installation on the repository and mints a token limited to that one repository and to
 * the permissions the agent needs ({@link #NEEDED}). The token is reused until {@link #REFRESH_MARGIN}
 * before it expires (GitHub issues them for one hour), then minted again. Thread safe.
 */
public final class AppCredential implements GitHubCredential {
  /** A token is replaced this long before it expires. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
  /** The permissions requested for every installation token: nothing more. */
  public static final Map<String, GHPermissionType> NEEDED;

  static {
    Map<String, GHPermissionType> m = new LinkedHashMap<>();
    m.put("contents", GHPermissionType.WRITE);
    m.put("pull_requests", GHPermissionType.WRITE);
    m.put("issues", GHPermissionType.WRITE);
    m.put("metadata", GHPermissionType.READ);
    NEEDED = java.util.Collections.unmodifiableMap(m);
  }

  private static final Logger LOG = LoggerFactory.getLogger(AppCredential.class);

  private final GitHubConfig config;
  private final SecretStore secrets;
  private final Clock clock;
  private final GitHubClients clients;
  private final long appId;
  private final String keySecret;
  private final GitHubErrors errors;
  private @Nullable RSAPrivateKey key;
  private boolean refreshKey;
  private @Nullable Long installationId;
  private @Nullable Secret token;
  private Instant expiresAt = Instant.MIN;

  /**
   * @param config validated settings with {@code auth=app}
   * @param secrets where the private key is stored
   * @param clock decides when the token is refreshed
   * @param clients builds the JWT-authenticated client
   */
  public AppCredential(GitHubConfig config, SecretStore secrets, Clock clock, GitHubClients clients) {
    this.config = Objects.requireNonNull(config, "config");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.appId = config.appId().orElseThrow(() -> new IllegalArgumentException("app-id is required for app auth"));
    this.keySecret = config.appPrivateKeySecret()
        .orElseThrow(() -> new IllegalArgumentException("app-private-key-secret is required for app auth"));
    this.installationId = config.appInstallationId().orElse(null);
    this.errors = new GitHubErrors(config.fullName(), "the GitHub App " + appId + " (key in secret '" + keySecret + "')");
  }

  @Override
  public synchronized String getEncodedAuthorization() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(expiresAt.minus(REFRESH_MARGIN))) {
      mint(now);
    }
    return "token " + Objects.requireNonNull(token).reveal();
  }

  /** @return when the current token expires ({@link Instant#MIN} before the first) */
  public synchronized Instant expiresAt() {
    return expiresAt;
  }

  private void mint(Instant now) {
    String jwt = AppJwt.sign(appId, privateKey(), now);
    GitHub asApp = clients.build(() -> "Bearer " + jwt);
    String step = "authenticating as GitHub App " + appId;
    try {
      GHApp app = asApp.getApp();
      step = "finding the installation of GitHub App " + appId;
      GHAppInstallation installation = installationId != null
          ? app.getInstallationById(installationId)
          : app.getInstallationByRepository(config.owner(), config.repository());
      installationId = installation.getId();
      requireGranted(installation.getPermissions());
      step = "creating an installation token";
      InstallationTokenMinter.Minted minted = clients.minter().mint(jwt, installationId, config.repository(), NEEDED);
      if (token != null) {
        token.destroy();
      }
      token = Secret.ofString("github-app-installation-token", "", minted.value());
      expiresAt = minted.expiresAt();
      LOG.debug("Minted a GitHub App installation token for {} (installation {}), expires at {}", config.fullName(),
          installationId, expiresAt);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ConfigurationException c) {
        throw c;
      }
      throw errors.map(e, step);
    }
  }

  private void requireGranted(@Nullable Map<String, GHPermissionType> granted) {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, GHPermissionType> need : NEEDED.entrySet()) {
      GHPermissionType has = granted == null ? null : granted.get(need.getKey());
      boolean ok = has != null && (has == GHPermissionType.ADMIN || has == need.getValue()
          || (need.getValue() == GHPermissionType.READ && has == GHPermissionType.WRITE));
      if (!ok && !need.getKey().equals("metadata")) {
        missing.add(PermissionNames.appPermission(need.getKey(), need.getValue()) + " (has "
            + (has == null ? "none" : has.name().toLowerCase(java.util.Locale.ROOT)) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigurationException("The GitHub App " + appId + " installation on " + config.fullName()
          + " lacks the permission" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
          + ": grant them in the App's settings (Permissions & events → Repository permissions), then approve the "
          + "updated permissions on the installation");
    }
  }

  private RSAPrivateKey privateKey() {
    if (key == null) {
      Secret pem = refreshKey ? secrets.refresh(keySecret) : secrets.get(keySecret);
      refreshKey = false;
      key = PrivateKeys.parse(pem.reveal(), keySecret);
    }
    return key;
  }

  @Override
  public String describe() {
    return "the GitHub App " + appId + " (key in secret '" + keySecret + "')";
  }

  @Override
  public boolean isApp() {
    return true;
  }

  @Override
  public synchronized void invalidate() {
    if (token != null) {
      token.destroy();
    }
    token = null;
    key = null;
    refreshKey = true;
    expiresAt = Instant.MIN;
  }

  @Override
  public String toString() {
    return "AppCredential[appId=" + appId + ", privateKeySecret=" + keySecret + "]";
  }
}
