package dev.sreagent.pipeline;

/** What the pipeline did with an incident. */
public enum Disposition {
  /** A draft change was opened (or found open for the key after a retry, and completed). */
  CHANGE_OPENED,
  /** A report was opened (or found open for the key after a retry). */
  REPORT_OPENED,
  /** A change or report already existed for the fingerprint: the new evidence was added as a comment; no model call. */
  EVIDENCE_ADDED,
  /** This process delivered for the fingerprint within the cooldown: nothing was done, no model call. */
  SKIPPED_RECENT
}
