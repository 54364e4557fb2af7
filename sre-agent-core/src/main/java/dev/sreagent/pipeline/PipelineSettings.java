package dev.sreagent.pipeline;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.time.Duration;
import java.util.Objects;

/**
 * Budgets and limits of the pipeline, from {@code sre-agent.pipeline.*}.
 *
 * @param incidentTokenBudget tokens (in + out) one incident may use; {@code sre-agent.pipeline.incident-token-budget}, default 60000
 * @param hourlyTokenBudget tokens all incidents of this process may use in any rolling hour; {@code sre-agent.pipeline.hourly-token-budget}, default 600000
 * @param maxModelCalls model answers one incident may take (three stages plus one repair); {@code sre-agent.pipeline.max-model-calls}, default 4
 * @param cooldown no model call for a fingerprint that has a change or report delivered this recently; {@code sre-agent.pipeline.cooldown}, default 24h
 * @param maxOutputTokens output-token cap per call; {@code sre-agent.pipeline.max-output-tokens}, default 2048
 * @param temperature sampling temperature; {@code sre-agent.pipeline.temperature}, default 0
 * @param modelTimeout per-call timeout; {@code sre-agent.pipeline.model-timeout}, default 60s
 * @param maxFilesShown files read through the code host and shown to the model; {@code sre-agent.pipeline.max-files-shown}, default 3
 * @param maxFileChars larger files are not shown; {@code sre-agent.pipeline.max-file-chars}, default 40000
 * @param maxEvidenceChars log text per prompt and per pull-request body; {@code sre-agent.pipeline.max-evidence-chars}, default 6000
 */
public record PipelineSettings(
    long incidentTokenBudget,
    long hourlyTokenBudget,
    int maxModelCalls,
    Duration cooldown,
    int maxOutputTokens,
    double temperature,
    Duration modelTimeout,
    int maxFilesShown,
    int maxFileChars,
    int maxEvidenceChars) {

  /** Key prefix. */
  public static final String PREFIX = "sre-agent.pipeline.";

  /** Validates. */
  public PipelineSettings {
    Objects.requireNonNull(cooldown, "cooldown");
    Objects.requireNonNull(modelTimeout, "modelTimeout");
    if (incidentTokenBudget < 1 || hourlyTokenBudget < 1 || maxModelCalls < 1 || maxOutputTokens < 1 || maxFilesShown < 1
        || maxFileChars < 1 || maxEvidenceChars < 1) {
      throw new IllegalArgumentException("pipeline budgets and limits must be positive");
    }
  }

  /** @return the defaults listed on each component */
  public static PipelineSettings defaults() {
    return from(ConfigProperties.empty());
  }

  /**
   * @return settings read from {@code config}
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static PipelineSettings from(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.pipeline");
    PipelineSettings s = new PipelineSettings(
        r.integer(PREFIX + "incident-token-budget", 60_000, 1, Integer.MAX_VALUE),
        r.integer(PREFIX + "hourly-token-budget", 600_000, 1, Integer.MAX_VALUE),
        r.integer(PREFIX + "max-model-calls", 4, 1, 20),
        r.duration(PREFIX + "cooldown", Duration.ofHours(24)),
        r.integer(PREFIX + "max-output-tokens", 2048, 1, 1_000_000),
        r.decimal(PREFIX + "temperature", 0.0, 0.0, 2.0),
        r.positiveDuration(PREFIX + "model-timeout", Duration.ofSeconds(60)),
        r.integer(PREFIX + "max-files-shown", 3, 1, 20),
        r.integer(PREFIX + "max-file-chars", 40_000, 1, 1_000_000),
        r.integer(PREFIX + "max-evidence-chars", 6_000, 1, 200_000));
    r.validate();
    return s;
  }
}
