package dev.sreagent.spi;

/** Why the model stopped generating. */
public enum FinishReason {
  /** It finished its answer. */
  STOP,
  /** It hit the output-token limit; the answer is cut. */
  LENGTH,
  /** A content filter stopped it. */
  CONTENT_FILTER,
  /** It called a tool (structured output through a forced tool). */
  TOOL_USE,
  /** Anything else. */
  OTHER
}
