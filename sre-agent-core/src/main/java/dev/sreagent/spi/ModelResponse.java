package dev.sreagent.spi;

import java.util.Objects;

/**
 * What a {@link ModelClient} answered.
 *
 * @param text the answer; when a schema was requested, one JSON value (already checked to be JSON)
 * @param usage tokens in and out
 * @param modelId the model that answered, as the service names it
 * @param finishReason why generation stopped
 */
public record ModelResponse(String text, TokenUsage usage, String modelId, FinishReason finishReason) {
  /** Validates. */
  public ModelResponse {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(finishReason, "finishReason");
  }
}
