package dev.sreagent.github;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validated settings of the GitHub code host, read from {@code sre-agent.github.*}. Holds the
 * <em>names</em> of secrets, never their values: the token and the app's private key are read from the
 * {@link dev.sreagent.spi.SecretStore}.
 *
 * @param owner the repository's owner (user or organization)
 * @param repository the repository's name
 * @param baseUrl the REST API root: {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub Enterprise Server
 * @param auth which credential to use
 * @param appId the GitHub App's id (app auth)
 * @param appInstallationId the installation id; empty to look it up from the repository (app auth)
 * @param appPrivateKeySecret the secret holding the app's PEM private key (app auth)
 * @param tokenSecret the secret holding a personal access token (token auth)
 * @param reviewers GitHub logins asked to review each pull request
 * @param labels labels added to every pull request and report, besides {@value #AGENT_LABEL}
 * @param commentMinInterval the least time between two evidence comments on one change or report
 * @param verifyPermissions whether to check what the credential may do when the code host is created
 * @param maxFileBytes the largest file {@code readFile} returns
 * @param connectTimeout the TCP connect timeout
 * @param requestTimeout the longest one HTTP exchange with GitHub may take, from sending the request to the last byte of the response
 */
public record GitHubConfig(
    String owner,
    String repository,
    URI baseUrl,
    AuthMode auth,
    Optional<Long> appId,
    Optional<Long> appInstallationId,
    Optional<String> appPrivateKeySecret,
    Optional<String> tokenSecret,
    List<String> reviewers,
    List<String> labels,
    Duration commentMinInterval,
    boolean verifyPermissions,
    int maxFileBytes,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** The label every change and report carries; created in the repository when missing. */
  public static final String AGENT_LABEL = "sre-agent";
  /** Prefix of every key this provider reads. */
  public static final String PREFIX = "sre-agent.github.";
  /** {@code owner/name} of the repository. */
  public static final String REPOSITORY = PREFIX + "repository";
  /** REST API root; default {@code https://api.github.com}. */
  public static final String BASE_URL = PREFIX + "base-url";
  /** {@code auto} (default), {@code app} or {@code token}. */
  public static final String AUTH = PREFIX + "auth";
  /** The GitHub App's id. */
  public static final String APP_ID = PREFIX + "app-id";
  /** The GitHub App installation's id (optional). */
  public static final String APP_INSTALLATION_ID = PREFIX + "app-installation-id";
  /** Name of the secret holding the GitHub App's private key (PEM). */
  public static final String APP_PRIVATE_KEY_SECRET = PREFIX + "app-private-key-secret";
  /** Name of the secret holding a fine-grained (preferred) or classic personal access token. */
  public static final String TOKEN_SECRET = PREFIX + "token-secret";
  /** Comma-separated reviewer logins. */
  public static final String REVIEWERS = PREFIX + "reviewers";
  /** Comma-separated extra labels. */
  public static final String LABELS = PREFIX + "labels";
  /** Least time between two evidence comments on one change; default 1h. */
  public static final String COMMENT_MIN_INTERVAL = PREFIX + "comment-min-interval";
  /** Whether to check the credential's permissions at start; default true. */
  public static final String VERIFY_PERMISSIONS = PREFIX + "verify-permissions";
  /** Largest file read, in bytes; default 1048576. */
  public static final String MAX_FILE_BYTES = PREFIX + "max-file-bytes";
  /** TCP connect timeout; default 10s. */
  public static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
  /** Longest one HTTP exchange may take, response body included; default 30s. */
  public static final String REQUEST_TIMEOUT = PREFIX + "request-timeout";

  private static final Set<String> KNOWN = Set.of(REPOSITORY, BASE_URL, AUTH, APP_ID, APP_INSTALLATION_ID,
      APP_PRIVATE_KEY_SECRET, TOKEN_SECRET, REVIEWERS, LABELS, COMMENT_MIN_INTERVAL, VERIFY_PERMISSIONS,
      MAX_FILE_BYTES, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
  private static final URI PUBLIC_API = URI.create("https://api.github.com");
  private static final String NAME = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
  private static final String REPO_NAME = "[A-Za-z0-9._-]{1,100}";
  private static final String LABEL_FORM = "[^,]{1,50}";

  /** Validates and copies. */
  public GitHubConfig {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appInstallationId, "appInstallationId");
    Objects.requireNonNull(appPrivateKeySecret, "appPrivateKeySecret");
    Objects.requireNonNull(tokenSecret, "tokenSecret");
    reviewers = List.copyOf(reviewers);
    labels = List.copyOf(labels);
    Objects.requireNonNull(commentMinInterval, "commentMinInterval");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout and requestTimeout must be positive");
    }
    if (auth == AuthMode.AUTO) {
      throw new IllegalArgumentException("auth must be resolved to APP or TOKEN; AUTO is only a configuration value");
    }
  }

  /** @return {@code owner/name} */
  public String fullName() {
    return owner + "/" + repository;
  }

  /** @return the labels set on every change and report: {@value #AGENT_LABEL} first, then the configured ones */
  public List<String> allLabels() {
    List<String> all = new ArrayList<>();
    all.add(AGENT_LABEL);
    labels.stream().filter(l -> !l.equals(AGENT_LABEL)).forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * Reads {@code sre-agent.github.*}, reporting every bad key in one {@link dev.sreagent.ConfigurationException}.
   *
   * @param config the agent's configuration
   * @return the validated settings
   */
  public static GitHubConfig read(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.github");
    for (String key : config.keysWithPrefix(PREFIX)) {
      r.check(KNOWN.contains(key), "Unknown key " + key + ": the GitHub code host reads " + String.join(", ", new TreeSet<>(KNOWN)));
    }
    String fullName = r.required(REPOSITORY, "the repository as owner/name, such as acme/payments");
    String owner = "";
    String name = "";
    if (!fullName.isEmpty()) {
      String[] parts = fullName.trim().split("/", -1);
      if (parts.length == 2 && parts[0].matches(NAME) && parts[1].matches(REPO_NAME)
          && !parts[1].equals(".") && !parts[1].equals("..")) {
        owner = parts[0];
        name = parts[1];
      } else {
        r.check(false, "Invalid value '" + fullName + "' for " + REPOSITORY + ": expected owner/name, such as acme/payments");
      }
    }
    URI baseUrl = r.endpoint(BASE_URL).map(GitHubConfig::withoutTrailingSlash).orElse(PUBLIC_API);
    String authValue = r.oneOf(AUTH, "auto", List.of("auto", "app", "token"));
    Optional<Long> appId = positiveLong(r, APP_ID, "the GitHub App's numeric id (App settings, 'App ID')");
    Optional<Long> installationId = positiveLong(r, APP_INSTALLATION_ID, "the installation's numeric id");
    Optional<String> keySecret = r.optional(APP_PRIVATE_KEY_SECRET).map(String::trim);
    Optional<String> tokenSecret = r.optional(TOKEN_SECRET).map(String::trim);
    AuthMode auth = resolveAuth(r, authValue, appId, keySecret, tokenSecret);
    List<String> reviewers = r.list(REVIEWERS);
    for (String login : reviewers) {
      r.check(login.matches(NAME), "Invalid value '" + login + "' in " + REVIEWERS + ": expected GitHub logins separated by commas");
    }
    List<String> labels = r.list(LABELS);
    for (String label : labels) {
      r.check(label.matches(LABEL_FORM), "Invalid value '" + label + "' in " + LABELS + ": expected labels of 1 to 50 characters separated by commas");
    }
    Duration interval = r.positiveDuration(COMMENT_MIN_INTERVAL, Duration.ofHours(1));
    boolean verify = r.bool(VERIFY_PERMISSIONS, true);
    int maxFileBytes = r.integer(MAX_FILE_BYTES, 1 << 20, 1, 100 << 20);
    Duration connectTimeout = r.positiveDuration(CONNECT_TIMEOUT, Duration.ofSeconds(10));
    Duration requestTimeout = r.positiveDuration(REQUEST_TIMEOUT, Duration.ofSeconds(30));
    r.validate();
    return new GitHubConfig(owner, name, baseUrl, auth, appId, installationId, keySecret, tokenSecret, reviewers, labels,
        interval, verify, maxFileBytes, connectTimeout, requestTimeout);
  }

  private static AuthMode resolveAuth(ConfigReader r, String value, Optional<Long> appId, Optional<String> keySecret,
      Optional<String> tokenSecret) {
    boolean appConfigured = appId.isPresent() || keySecret.isPresent();
    AuthMode mode = switch (value) {
      case "app" -> AuthMode.APP;
      case "token" -> AuthMode.TOKEN;
      default -> appConfigured ? AuthMode.APP : tokenSecret.isPresent() ? AuthMode.TOKEN : AuthMode.AUTO;
    };
    if (mode == AuthMode.AUTO) {
      r.check(false, "No GitHub credential configured: set " + APP_ID + " and " + APP_PRIVATE_KEY_SECRET
          + " for a GitHub App (preferred), or " + TOKEN_SECRET + " to the name of the secret holding a fine-grained personal access token");
      return AuthMode.TOKEN;
    }
    if (mode == AuthMode.APP) {
      r.check(appId.isPresent(), "Missing required configuration " + APP_ID + ": set it to the GitHub App's numeric id (or the environment variable "
          + ConfigProperties.environmentName(APP_ID) + ")");
      r.check(keySecret.isPresent(), "Missing required configuration " + APP_PRIVATE_KEY_SECRET
          + ": set it to the name of the secret holding the GitHub App's private key (or the environment variable "
          + ConfigProperties.environmentName(APP_PRIVATE_KEY_SECRET) + ")");
    } else {
      r.check(tokenSecret.isPresent(), "Missing required configuration " + TOKEN_SECRET
          + ": set it to the name of the secret holding the personal access token (or the environment variable "
          + ConfigProperties.environmentName(TOKEN_SECRET) + ")");
    }
    return mode;
  }

  private static Optional<Long> positiveLong(ConfigReader r, String key, String what) {
    Optional<String> raw = r.optional(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      long v = Long.parseLong(raw.get().trim());
      if (v > 0) {
        return Optional.of(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    r.check(false, "Invalid value '" + raw.get() + "' for " + key + ": expected " + what);
    return Optional.empty();
  }

  private static URI withoutTrailingSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
  }

  /** Which credential the code host uses. */
  public enum AuthMode {
    /** Configuration value only: a GitHub App when {@code app-id} is set, else a token. */
    AUTO,
    /** A GitHub App installation token, minted from the app's private key (preferred). */
    APP,
    /** A personal access token: fine-grained (preferred) or classic. */
    TOKEN;

    /** @return the configuration spelling */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
