package dev.sreagent.config;

import dev.sreagent.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a component's keys and collects every problem instead of stopping at the first, so one
 * {@link #validate()} reports all bad keys in one error. Not thread safe: use it while building a
 * component, then drop it.
 *
 * <pre>{@code
 * ConfigReader r = ConfigReader.of(config, "sre-agent.aws");
 * Duration lag = r.duration("sre-agent.aws.logs.lag", Duration.ofMinutes(2));
 * String queue = r.required("sre-agent.aws.sqs.queue-url", "the URL of the work queue");
 * r.validate();   // throws one ConfigurationException listing every bad key
 * }</pre>
 */
public final class ConfigReader {
  private final ConfigProperties config;
  private final String section;
  private final List<String> problems = new ArrayList<>();

  private ConfigReader(ConfigProperties config, String section) {
    this.config = config;
    this.section = section;
  }

  /**
   * @param config the configuration to read
   * @param section what is being configured, for the error's first words (a key prefix such as {@code sre-agent.aws})
   */
  public static ConfigReader of(ConfigProperties config, String section) {
    return new ConfigReader(config, section);
  }

  /** @return the configuration being read */
  public ConfigProperties config() {
    return config;
  }

  /** @return the value, or {@code defaultValue} */
  public String string(String key, String defaultValue) {
    return config.get(key, defaultValue);
  }

  /** @return the value, if set and not blank */
  public Optional<String> optional(String key) {
    return config.get(key).filter(v -> !v.isBlank());
  }

  /** @return the value; when missing, records a problem naming {@code what} to set and returns "" */
  public String required(String key, String what) {
    Optional<String> v = optional(key);
    if (v.isEmpty()) {
      problems.add(ConfigProperties.missing(key, what));
      return "";
    }
    return v.get();
  }

  /** @return the duration, or {@code defaultValue} (also when malformed, after recording the problem) */
  public Duration duration(String key, Duration defaultValue) {
    return attempt(() -> config.getDuration(key, defaultValue), defaultValue);
  }

  /** @return the positive duration, or {@code defaultValue} */
  public Duration positiveDuration(String key, Duration defaultValue) {
    Duration d = duration(key, defaultValue);
    if (d.isZero() || d.isNegative()) {
      problems.add(ConfigProperties.invalid(key, config.get(key, ""), "a positive duration such as 30s"));
      return defaultValue;
    }
    return d;
  }

  /** @return the integer in {@code [min, max]}, or {@code defaultValue} */
  public int integer(String key, int defaultValue, int min, int max) {
    int v = attempt(() -> config.getInt(key, defaultValue), defaultValue);
    if (v < min || v > max) {
      problems.add(ConfigProperties.invalid(key, config.get(key, ""), "a whole number from " + min + " to " + max));
      return defaultValue;
    }
    return v;
  }

  /** @return the number in {@code [min, max]}, or {@code defaultValue} */
  public double decimal(String key, double defaultValue, double min, double max) {
    double v = attempt(() -> config.getDouble(key, defaultValue), defaultValue);
    if (v < min || v > max) {
      problems.add(ConfigProperties.invalid(key, config.get(key, ""), "a number from " + min + " to " + max));
      return defaultValue;
    }
    return v;
  }

  /** @return the boolean, or {@code defaultValue} */
  public boolean bool(String key, boolean defaultValue) {
    return attempt(() -> config.getBoolean(key, defaultValue), defaultValue);
  }

  /** @return the comma-separated list, empty if unset */
  public List<String> list(String key) {
    return config.getList(key);
  }

  /** @return the value, which must be one of {@code allowed} (case-insensitive), or {@code defaultValue} */
  public String oneOf(String key, String defaultValue, List<String> allowed) {
    String v = config.get(key, defaultValue).trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      problems.add(ConfigProperties.invalid(key, config.get(key, ""), "one of " + String.join(", ", allowed)));
      return defaultValue;
    }
    return v;
  }

  /** @return the path, if set */
  public Optional<Path> path(String key) {
    return optional(key).map(Path::of);
  }

  /**
   * An endpoint URL. Must be absolute http(s). In production mode plain http is accepted only for
   * loopback addresses; anything else is a problem that says to use https.
   *
   * @return the URI, if set and valid
   */
  public Optional<URI> endpoint(String key) {
    Optional<String> raw = optional(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(raw.get().trim());
    } catch (URISyntaxException e) {
      problems.add(ConfigProperties.invalid(key, raw.get(), "an absolute URL such as https://host:443/path"));
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      problems.add(ConfigProperties.invalid(key, raw.get(), "an absolute http(s) URL such as https://host:443/path"));
      return Optional.empty();
    }
    String refusal = Endpoints.refusal(key, uri, mode());
    if (refusal != null) {
      problems.add(refusal);
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** @return the run mode; a malformed mode is recorded and treated as production (the safe side) */
  public ConfigProperties.Mode mode() {
    return attempt(config::mode, ConfigProperties.Mode.PRODUCTION);
  }

  /** Records {@code problem} when {@code ok} is false. */
  public void check(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  /** @return the problems so far */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * @throws ConfigurationException one line: {@code Invalid configuration for <section>: problem; problem}
   */
  public void validate() {
    if (problems.isEmpty()) {
      return;
    }
    if (problems.size() == 1) {
      throw new ConfigurationException(problems.get(0));
    }
    throw new ConfigurationException(
        "Invalid configuration for " + section + " (" + problems.size() + " problems): " + String.join("; ", problems));
  }

  private <T> T attempt(Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (ConfigurationException e) {
      problems.add(e.getMessage());
      return fallback;
    }
  }

  /** Plain-http rules for endpoints. */
  static final class Endpoints {
    private Endpoints() {}

    static @org.jspecify.annotations.Nullable String refusal(String key, URI uri, ConfigProperties.Mode mode) {
      if (!"http".equalsIgnoreCase(uri.getScheme()) || mode != ConfigProperties.Mode.PRODUCTION || isLoopback(uri.getHost())) {
        return null;
      }
      return "Plain-http endpoint " + uri + " for " + key + " is refused in production mode (sre-agent.mode=production): use https://"
          + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()) + " (plain http is allowed only to loopback)";
    }

    static boolean isLoopback(String host) {
      String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (h.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!h.matches("[0-9.]+") && !h.contains(":")) {
        return false; // a name other than localhost: never resolve names to decide
      }
      try {
        return InetAddress.getByName(h).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
