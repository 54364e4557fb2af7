package dev.sreagent.grouping;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of normalization and grouping, read from {@code sre-agent.grouping.*}:
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code sre-agent.grouping.max-line-length}</td><td>65536</td><td>characters of a message kept; the rest is cut with a marker</td></tr>
 *   <tr><td>{@code sre-agent.grouping.max-templates}</td><td>10000</td><td>live templates per miner (LRU eviction)</td></tr>
 *   <tr><td>{@code sre-agent.grouping.similarity}</td><td>0.5</td><td>share of equal positions to join a template</td></tr>
 *   <tr><td>{@code sre-agent.grouping.app-packages}</td><td>(none)</td><td>comma-separated application packages / modules / path fragments for in-app frames</td></tr>
 *   <tr><td>{@code sre-agent.grouping.max-frames}</td><td>5</td><td>in-app frames per exception that count in a fingerprint</td></tr>
 *   <tr><td>{@code sre-agent.grouping.ignore.<name>}</td><td>(none)</td><td>regex: matching messages are ignored</td></tr>
 *   <tr><td>{@code sre-agent.grouping.override.<name>.pattern}</td><td>(none)</td><td>regex: matching messages get a fixed fingerprint</td></tr>
 *   <tr><td>{@code sre-agent.grouping.override.<name>.fingerprint}</td><td>{@code <name>}</td><td>the fixed fingerprint text ({@code fp1:o:<text>})</td></tr>
 * </table>
 *
 * <p>Rules apply in name order, ignore rules before override rules.
 *
 * @param maxLineLength characters of a message kept
 * @param maxTemplates live templates per miner
 * @param similarity the miner's threshold
 * @param appPackages application prefixes for in-app frames
 * @param maxFrames frames per exception in a fingerprint
 * @param ignoreRules ignore rules
 * @param overrideRules override rules
 */
public record GroupingConfig(
    int maxLineLength,
    int maxTemplates,
    double similarity,
    List<String> appPackages,
    int maxFrames,
    List<GroupingRule> ignoreRules,
    List<GroupingRule> overrideRules) {
  /** Key prefix. */
  public static final String PREFIX = "sre-agent.grouping.";
  /** Default {@link #maxLineLength()}: 64 Ki characters. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 65_536;

  /** Validates and copies. */
  public GroupingConfig {
    if (maxLineLength < 256) {
      throw new IllegalArgumentException("maxLineLength must be at least 256, got " + maxLineLength);
    }
    appPackages = List.copyOf(appPackages);
    ignoreRules = List.copyOf(ignoreRules);
    overrideRules = List.copyOf(overrideRules);
  }

  /** @return the defaults */
  public static GroupingConfig defaults() {
    return new GroupingConfig(DEFAULT_MAX_LINE_LENGTH, TemplateMiner.DEFAULT_MAX_TEMPLATES, TemplateMiner.DEFAULT_SIMILARITY,
        List.of(), StackTraceFingerprinter.DEFAULT_MAX_FRAMES, List.of(), List.of());
  }

  /**
   * @param config the configuration
   * @return the settings
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static GroupingConfig from(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.grouping");
    int maxLine = r.integer(PREFIX + "max-line-length", DEFAULT_MAX_LINE_LENGTH, 256, 64 * 1024 * 1024);
    int maxTemplates = r.integer(PREFIX + "max-templates", TemplateMiner.DEFAULT_MAX_TEMPLATES, 1, 10_000_000);
    double similarity = r.decimal(PREFIX + "similarity", TemplateMiner.DEFAULT_SIMILARITY, 0.01, 1.0);
    List<String> app = r.list(PREFIX + "app-packages");
    int maxFrames = r.integer(PREFIX + "max-frames", StackTraceFingerprinter.DEFAULT_MAX_FRAMES, 1, 100);
    List<GroupingRule> ignore = new ArrayList<>();
    for (String key : config.keysWithPrefix(PREFIX + "ignore.")) {
      String name = key.substring((PREFIX + "ignore.").length());
      compile(r, key, config.get(key, "")).ifPresent(p -> ignore.add(new GroupingRule(name, p, "")));
    }
    List<GroupingRule> override = new ArrayList<>();
    for (String key : config.keysWithPrefix(PREFIX + "override.")) {
      String rest = key.substring((PREFIX + "override.").length());
      if (rest.endsWith(".pattern")) {
        String name = rest.substring(0, rest.length() - ".pattern".length());
        String fp = r.string(PREFIX + "override." + name + ".fingerprint", name).trim();
        r.check(!fp.isEmpty(), "Empty value for " + PREFIX + "override." + name + ".fingerprint: set it to the fixed "
            + "fingerprint text, or remove it to use the rule's name");
        compile(r, key, config.get(key, "")).ifPresent(p -> override.add(new GroupingRule(name, p, fp)));
      } else if (!rest.endsWith(".fingerprint")) {
        r.check(false, "Unknown key " + key + ": override rules take " + PREFIX + "override.<name>.pattern and "
            + PREFIX + "override.<name>.fingerprint");
      } else {
        String name = rest.substring(0, rest.length() - ".fingerprint".length());
        r.check(config.get(PREFIX + "override." + name + ".pattern").isPresent(), "Missing " + PREFIX + "override."
            + name + ".pattern: set it to the regular expression that selects the messages of rule " + name);
      }
    }
    r.validate();
    return new GroupingConfig(maxLine, maxTemplates, similarity, app, maxFrames, ignore, override);
  }

  private static java.util.Optional<java.util.regex.Pattern> compile(ConfigReader r, String key, String regex) {
    if (regex.isBlank()) {
      r.check(false, "Empty value for " + key + ": set it to a Java regular expression, such as ^GET /health");
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.util.regex.Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      r.check(false, "Invalid regular expression for " + key + " (" + e.getDescription() + " at index " + e.getIndex()
          + "): set it to a Java regular expression, such as ^GET /health");
      return java.util.Optional.empty();
    }
  }
}
