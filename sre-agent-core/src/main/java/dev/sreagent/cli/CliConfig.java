package dev.sreagent.cli;

import dev.sreagent.config.ConfigProperties;
import java.nio.file.Path;
import java.util.List;

/** Builds the configuration for a command: environment, system properties, and {@code --config <file>}. */
final class CliConfig {
  private CliConfig() {}

  static ConfigProperties load(List<String> args, CliContext io) {
    ConfigProperties.Builder b = ConfigProperties.builder()
        .withEnvironment(io.environment())
        .withSystemProperties(io.systemProperties());
    int i = args.indexOf("--config");
    if (i >= 0) {
      if (i + 1 >= args.size()) {
        throw new dev.sreagent.ConfigurationException("--config needs a file: --config sre-agent.properties");
      }
      b.propertiesFile(Path.of(args.get(i + 1)));
    }
    return b.build();
  }
}
