package dev.sreagent.spi;

/** Why the model stopped generating. */
public enum FinishReason {
  /** It finished its answer. */
  STOP,
  /** It hit the output-token limit; the answer is cut. */
  LENGTH,
  /** A content filter stopped it. */
  CONTENT_FILTER,
  /** It stopped to call a tool. Structured output through a forced tool (Bedrock) is reported as {@link #STOP}: the answer is complete. */
  TOOL_USE,
  /** Anything else. */
  OTHER
}
