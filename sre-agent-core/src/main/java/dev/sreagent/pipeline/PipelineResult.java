package dev.sreagent.pipeline;

import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.TokenUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link RemediationPipeline#process}.
 *
 * @param key the change key derived from the fingerprint
 * @param disposition what was done
 * @param ref the change or report delivered or found, absent for {@link Disposition#SKIPPED_RECENT}
 * @param reportReason why a report was opened, null otherwise
 * @param reasons the detailed reasons written into the report (policy violations, validation errors…)
 * @param modelCalls model calls made for this incident (answers received, including one repair retry)
 * @param tokens tokens used for this incident
 */
public record PipelineResult(
    ChangeKey key,
    Disposition disposition,
    Optional<ChangeRef> ref,
    @Nullable ReportReason reportReason,
    List<String> reasons,
    int modelCalls,
    TokenUsage tokens) {

  /** Validates and copies. */
  public PipelineResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(ref, "ref");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(tokens, "tokens");
  }

  /** @return the report reason, if a report was opened */
  public Optional<ReportReason> report() {
    return Optional.ofNullable(reportReason);
  }
}
