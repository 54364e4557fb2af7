package dev.sreagent.testkit;

import dev.sreagent.spi.FinishReason;
import java.util.Objects;

/**
 * What a {@link ModelClientContract} fixture answers to every request, which the subclass turns into its
 * service's wire format (an OpenAI chat completion, a Bedrock Converse response, a replay file entry…).
 *
 * @param text the answer text
 * @param inputTokens prompt tokens to report
 * @param outputTokens answer tokens to report
 * @param finishReason why generation stopped
 * @param modelId the model id to report
 */
public record CannedAnswer(String text, long inputTokens, long outputTokens, FinishReason finishReason, String modelId) {
  /** Validates. */
  public CannedAnswer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(modelId, "modelId");
  }
}
