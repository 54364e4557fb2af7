package dev.sreagent.config;

import dev.sreagent.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The agent's configuration: read-only, thread safe, built once.
 *
 * <p>Sources, lowest precedence first: {@linkplain Builder#defaults(Map) defaults} &lt; a
 * {@linkplain Builder#propertiesFile(Path) properties file} &lt; environment variables &lt; system
 * properties &lt; values {@linkplain Builder#put(String, String) set on the builder}. Keys are
 * kebab-case and start with {@code sre-agent.}; the environment variable for a key is the key upper-cased
 * with {@code .} and {@code -} turned into {@code _}: {@code SRE_AGENT_LOG_SOURCE} sets {@code
 * sre-agent.log-source}.
 *
 * <p>Typed getters throw {@link ConfigurationException} with a one-line message naming the key, the
 * bad value and the expected form. Secret values never belong here: configuration holds a secret's
 * <em>name</em>, resolved through the {@link dev.sreagent.spi.SecretStore}.
 */
public final class ConfigProperties {

  /** Prefix of every key the agent reads. */
  public static final String PREFIX = "sre-agent.";
  /** Key of the run mode: {@code development} (default) or {@code production}. */
  public static final String MODE = "sre-agent.mode";
  /** Key naming a properties file to load (also settable through {@code SRE_AGENT_CONFIG_FILE}). */
  public static final String CONFIG_FILE = "sre-agent.config-file";

  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  /** Layers, highest precedence first. The environment layer is keyed by variable name. */
  private final List<Layer> layers;
  /** Every key spelled out by a layer (environment variables excluded: their names lose the dots). */
  private final Map<String, String> values;

  private record Layer(String origin, Map<String, String> entries, boolean byEnvironmentName) {
    @Nullable String lookup(String key) {
      return entries.get(byEnvironmentName ? environmentName(key) : key);
    }
  }

  private ConfigProperties(List<Layer> layers) {
    this.layers = List.copyOf(layers);
    Map<String, String> flat = new TreeMap<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (!layers.get(i).byEnvironmentName()) {
        flat.putAll(layers.get(i).entries());
      }
    }
    for (String key : new ArrayList<>(flat.keySet())) {
      flat.put(key, lookup(key));
    }
    this.values = Collections.unmodifiableMap(flat);
  }

  private @Nullable String lookup(String key) {
    for (Layer layer : layers) {
      String v = layer.lookup(key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** @return a builder that reads nothing from the environment until told to */
  public static Builder builder() {
    return new Builder();
  }

  /** @return configuration from the usual sources: environment, system properties, and the file named by {@value #CONFIG_FILE} if any */
  public static ConfigProperties fromEnvironment() {
    return builder().withEnvironment().withSystemProperties().build();
  }

  /** @return an empty configuration (every key at its default) */
  public static ConfigProperties empty() {
    return builder().build();
  }

  /** @return the raw value of {@code key}, if set by any source */
  public Optional<String> get(String key) {
    return Optional.ofNullable(lookup(key));
  }

  /** @return the value of {@code key}, or {@code defaultValue} */
  public String get(String key, String defaultValue) {
    String v = lookup(key);
    return v == null ? defaultValue : v;
  }

  /**
   * @return the value of {@code key}
   * @throws ConfigurationException naming the key and {@code what} it should hold, when unset
   */
  public String require(String key, String what) {
    String v = lookup(key);
    if (v == null || v.isBlank()) {
      throw new ConfigurationException(missing(key, what));
    }
    return v;
  }

  static String missing(String key, String what) {
    return "Missing required configuration " + key + ": set it to " + what + " (or the environment variable "
        + environmentName(key) + ")";
  }

  /** @return where the value of {@code key} came from ("default", "file …", "environment", …), for diagnostics */
  public Optional<String> origin(String key) {
    for (Layer layer : layers) {
      if (layer.lookup(key) != null) {
        return Optional.of(layer.origin());
      }
    }
    return Optional.empty();
  }

  /** @return the duration at {@code key} ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT30S}), or {@code defaultValue} */
  public Duration getDuration(String key, Duration defaultValue) {
    String v = lookup(key);
    return v == null ? defaultValue : parseDuration(key, v);
  }

  /** @return the integer at {@code key}, or {@code defaultValue} */
  public int getInt(String key, int defaultValue) {
    String v = lookup(key);
    return v == null ? defaultValue : parseInt(key, v);
  }

  /** @return the number at {@code key}, or {@code defaultValue} */
  public double getDouble(String key, double defaultValue) {
    String v = lookup(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(invalid(key, v, "a decimal number such as 0.7"));
    }
  }

  /** @return the boolean at {@code key} ({@code true} or {@code false}, any case), or {@code defaultValue} */
  public boolean getBoolean(String key, boolean defaultValue) {
    String v = lookup(key);
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return true;
    }
    if (t.equals("false")) {
      return false;
    }
    throw new ConfigurationException(invalid(key, v, "true or false"));
  }

  /** @return the comma-separated list at {@code key}, trimmed, empty items dropped; empty if unset */
  public List<String> getList(String key) {
    String v = lookup(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String s : v.split(",")) {
      String t = s.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** @return {@link Mode#PRODUCTION} when {@value #MODE} is {@code production}, else development */
  public Mode mode() {
    String v = lookup(MODE);
    if (v == null) {
      return Mode.DEVELOPMENT;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "production" -> Mode.PRODUCTION;
      case "development" -> Mode.DEVELOPMENT;
      default -> throw new ConfigurationException(invalid(MODE, v, "production or development"));
    };
  }

  /** @return every key set under {@code prefix} by a source that spells keys out (not environment variables, whose names lose the dots), sorted */
  public TreeSet<String> keysWithPrefix(String prefix) {
    TreeSet<String> keys = new TreeSet<>();
    for (String k : values.keySet()) {
      if (k.startsWith(prefix)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** @return a copy with {@code overrides} on top */
  public ConfigProperties with(Map<String, String> overrides) {
    List<Layer> l = new ArrayList<>();
    l.add(new Layer("builder", Map.copyOf(overrides), false));
    l.addAll(layers);
    return new ConfigProperties(l);
  }

  /** @return all spelled-out keys and their effective values, sorted (config holds secret names, never secret values) */
  public Map<String, String> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return "ConfigProperties" + values;
  }

  // ---- parsing helpers shared with ConfigReader ----

  static Duration parseDuration(String key, String raw) {
    String v = raw.trim();
    if (v.regionMatches(true, 0, "P", 0, 1)) {
      try {
        return requireNonNegative(key, raw, Duration.parse(v.toUpperCase(Locale.ROOT)));
      } catch (java.time.format.DateTimeParseException e) {
        throw new ConfigurationException(invalid(key, raw, DURATION_FORM));
      }
    }
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw new ConfigurationException(invalid(key, raw, DURATION_FORM));
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new ConfigurationException(invalid(key, raw, DURATION_FORM));
    }
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Duration requireNonNegative(String key, String raw, Duration d) {
    if (d.isNegative()) {
      throw new ConfigurationException(invalid(key, raw, DURATION_FORM));
    }
    return d;
  }

  static int parseInt(String key, String raw) {
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(invalid(key, raw, "a whole number such as 10"));
    }
  }

  static final String DURATION_FORM = "a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S";

  static String invalid(String key, String value, String expected) {
    return "Invalid value '" + value + "' for " + key + ": expected " + expected;
  }

  /** @return the environment variable that sets {@code key}: {@code sre-agent.log-source} → {@code SRE_AGENT_LOG_SOURCE} */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The run mode. */
  public enum Mode {
    /** Laptop and test use: every local provider allowed. */
    DEVELOPMENT,
    /** Refuses the environment-variable secret store and plain-HTTP endpoints other than loopback. */
    PRODUCTION
  }

  /** Builds a {@link ConfigProperties}; not thread safe. */
  public static final class Builder {
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> file = new LinkedHashMap<>();
    private final Map<String, String> system = new LinkedHashMap<>();
    private final Map<String, String> explicit = new LinkedHashMap<>();
    private String fileName = "";
    private boolean readEnvironment;
    private Map<String, String> env = Map.of();

    private Builder() {}

    /** Lowest-precedence values. */
    public Builder defaults(Map<String, String> values) {
      defaults.putAll(values);
      return this;
    }

    /**
     * Loads a properties file. A missing file is a configuration error naming the path.
     *
     * @param path a {@code .properties} file with {@code sre-agent.*} keys
     */
    public Builder propertiesFile(Path path) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(path)) {
        p.load(in);
      } catch (NoSuchFileException e) {
        throw new ConfigurationException(
            "Configuration file " + path + " does not exist: fix " + CONFIG_FILE + " or the --config argument");
      } catch (IOException | IllegalArgumentException e) {
        throw new ConfigurationException("Cannot read configuration file " + path + ": " + e.getMessage(), e);
      }
      file.clear();
      for (String name : p.stringPropertyNames()) {
        file.put(name, p.getProperty(name));
      }
      fileName = path.toString();
      return this;
    }

    /** Reads {@code SRE_AGENT_*} environment variables from the process environment. */
    public Builder withEnvironment() {
      return withEnvironment(System.getenv());
    }

    /**
     * Reads {@code SRE_AGENT_*} variables from {@code env} (a map given for tests).
     *
     * @param env variable name → value
     */
    public Builder withEnvironment(Map<String, String> env) {
      this.env = Map.copyOf(env);
      this.readEnvironment = true;
      return this;
    }

    /** Reads {@code sre-agent.*} system properties. */
    public Builder withSystemProperties() {
      return withSystemProperties(System.getProperties());
    }

    /** Reads {@code sre-agent.*} entries of {@code props}. */
    public Builder withSystemProperties(Properties props) {
      for (String name : props.stringPropertyNames()) {
        if (name.startsWith(PREFIX)) {
          system.put(name, props.getProperty(name));
        }
      }
      return this;
    }

    /** Highest-precedence value. */
    public Builder put(String key, String value) {
      explicit.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Highest-precedence values. */
    public Builder putAll(Map<String, String> values) {
      values.forEach(this::put);
      return this;
    }

    /** @return the configuration; loads the file named by {@value #CONFIG_FILE} first when one is set and no file was given */
    public ConfigProperties build() {
      if (fileName.isEmpty()) {
        String named = firstNonNull(explicit.get(CONFIG_FILE), system.get(CONFIG_FILE),
            readEnvironment ? env.get(environmentName(CONFIG_FILE)) : null);
        if (named != null && !named.isBlank()) {
          propertiesFile(Path.of(named));
        }
      }
      List<Layer> l = new ArrayList<>();
      l.add(new Layer("builder", Map.copyOf(explicit), false));
      l.add(new Layer("system property", Map.copyOf(system), false));
      if (readEnvironment) {
        Map<String, String> ours = new LinkedHashMap<>();
        env.forEach((k, v) -> {
          if (k.startsWith("SRE_AGENT_")) {
            ours.put(k, v);
          }
        });
        l.add(new Layer("environment", Map.copyOf(ours), true));
      }
      l.add(new Layer(fileName.isEmpty() ? "file" : "file " + fileName, Map.copyOf(file), false));
      l.add(new Layer("default", Map.copyOf(defaults), false));
      return new ConfigProperties(l);
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(T... candidates) {
      return Arrays.stream(candidates).filter(Objects::nonNull).findFirst().orElse(null);
    }
  }
}
