package dev.sreagent.local;

/** How the local log source reads lines. */
public enum LogFormat {
  /** Each line is tried as a JSON object; lines that are not one are read as text. */
  AUTO,
  /** Every line is one JSON object (a line that is not is kept as text with a parse-error attribute). */
  JSON,
  /** Plain text lines; stack traces are joined to the line they follow. */
  TEXT
}
