package dev.sreagent.spi;

/**
 * Tokens a model call consumed, as the service reported them.
 *
 * @param inputTokens prompt tokens
 * @param outputTokens generated tokens
 */
public record TokenUsage(long inputTokens, long outputTokens) {
  /** No usage. */
  public static final TokenUsage ZERO = new TokenUsage(0, 0);

  /** Validates. */
  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  /** @return input plus output */
  public long total() {
    return inputTokens + outputTokens;
  }

  /** @return the sum of this and {@code other} */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
