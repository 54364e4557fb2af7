package dev.sreagent.pipeline;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.util.List;

/**
 * The patch policy, from {@code sre-agent.policy.*}. A proposed change is delivered only when every rule
 * holds; otherwise the incident becomes a report listing every violated rule.
 *
 * @param allowedPaths globs a changed path must match ({@code **} crosses folders, {@code *} does not);
 *     {@code sre-agent.policy.allowed-paths}, default {@link #DEFAULT_ALLOWED_PATHS}
 * @param protectedExceptions globs exempted from the protected-file rules (CI workflows, build files,
 *     Dockerfiles, dotfiles, secret-like names); {@code sre-agent.policy.protected-exceptions}, default none
 * @param maxFiles files one change may touch; {@code sre-agent.policy.max-files}, default 3
 * @param maxChangedLines lines added plus removed; {@code sre-agent.policy.max-changed-lines}, default 60
 * @param minConfidence the model's confidence floor; {@code sre-agent.policy.min-confidence}, default 0.7
 */
public record PolicySettings(
    List<String> allowedPaths, List<String> protectedExceptions, int maxFiles, int maxChangedLines, double minConfidence) {

  /** Key prefix. */
  public static final String PREFIX = "sre-agent.policy.";

  /** Source and test folders of Maven/Gradle (also in sub-modules), Go, Node, Python and Ruby layouts. */
  public static final List<String> DEFAULT_ALLOWED_PATHS = List.of(
      "src/**", "**/src/main/**", "**/src/test/**", "lib/**", "app/**", "pkg/**", "internal/**", "cmd/**", "test/**",
      "tests/**");

  /** Validates and copies. */
  public PolicySettings {
    allowedPaths = List.copyOf(allowedPaths);
    protectedExceptions = List.copyOf(protectedExceptions);
    if (maxFiles < 1 || maxChangedLines < 1 || minConfidence < 0 || minConfidence > 1) {
      throw new IllegalArgumentException("maxFiles and maxChangedLines must be positive, minConfidence within [0, 1]");
    }
  }

  /** @return the defaults listed on each component */
  public static PolicySettings defaults() {
    return from(ConfigProperties.empty());
  }

  /**
   * @return settings read from {@code config}
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static PolicySettings from(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.policy");
    List<String> allowed = r.list(PREFIX + "allowed-paths");
    PolicySettings s = new PolicySettings(
        allowed.isEmpty() ? DEFAULT_ALLOWED_PATHS : allowed,
        r.list(PREFIX + "protected-exceptions"),
        r.integer(PREFIX + "max-files", 3, 1, 100),
        r.integer(PREFIX + "max-changed-lines", 60, 1, 10_000),
        r.decimal(PREFIX + "min-confidence", 0.7, 0.0, 1.0));
    r.validate();
    return s;
  }
}
