package dev.sreagent.aws;

import dev.sreagent.aws.internal.AwsKeys;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of {@link AwsSecretsManagerSecretStore}, read from {@code sre-agent.aws.secrets.*} and the
 * shared {@code sre-agent.aws.*} keys.
 *
 * @param client region, endpoint, timeouts, retries
 * @param versionStage the staging label to read ({@code sre-agent.aws.secrets.version-stage}, {@code AWSCURRENT})
 * @param cacheTtl how long a value is served from memory ({@code sre-agent.aws.secrets.cache-ttl}, 5m; 0 = no cache)
 */
public record AwsSecretsManagerConfig(AwsClientSettings client, String versionStage, Duration cacheTtl) {

  /** Validates. */
  public AwsSecretsManagerConfig {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(versionStage, "versionStage");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
  }

  /**
   * Reads and validates every key at once.
   *
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static AwsSecretsManagerConfig from(ConfigProperties config) {
    String p = AwsKeys.PREFIX + "secrets.";
    ConfigReader r = ConfigReader.of(config, "sre-agent.aws.secrets");
    AwsClientSettings client = AwsClientSettings.read(r, "secrets", Duration.ofSeconds(30));
    String stage = r.string(p + "version-stage", "AWSCURRENT").trim();
    r.check(stage.matches("[\\w+=.@-]{1,256}"), "Invalid value '" + stage + "' for " + p
        + "version-stage: expected a staging label such as AWSCURRENT or AWSPREVIOUS");
    Duration ttl = r.duration(p + "cache-ttl", Duration.ofMinutes(5));
    AwsKeys.rejectUnknown(r);
    r.validate();
    return new AwsSecretsManagerConfig(client, stage, ttl);
  }

  /** @return a copy with other client settings */
  public AwsSecretsManagerConfig withClient(AwsClientSettings settings) {
    return new AwsSecretsManagerConfig(settings, versionStage, cacheTtl);
  }
}
