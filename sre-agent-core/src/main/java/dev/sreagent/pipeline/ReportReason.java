package dev.sreagent.pipeline;

/** Why an incident became a report instead of a code change. */
public enum ReportReason {
  /** Log text reads like instructions to a model or tries to close a data block: no model call, no change. */
  SUSPICIOUS("suspicious log content"),
  /** Triage or analysis found nothing a code change in this repository can fix. */
  NOT_ACTIONABLE("not actionable by a code change"),
  /** No stack frame maps to a readable text file of the repository. */
  CODE_NOT_FOUND("code not found"),
  /** The model's confidence is below the configured floor. */
  LOW_CONFIDENCE("low confidence"),
  /** The proposed change breaks the patch policy (paths, size, files). */
  POLICY_REFUSED("refused by policy"),
  /** An edit's search text does not occur exactly once in the file shown. */
  EDIT_NOT_APPLIED("edit does not apply"),
  /** The model's answer was not valid against the stage's schema, also after one retry. */
  INVALID_MODEL_OUTPUT("invalid model output"),
  /** The incident's token budget or call limit was used up. */
  BUDGET_EXHAUSTED("model budget exhausted"),
  /** The model service refused the request (not retriable). */
  MODEL_REFUSED("model refused the request");

  private final String title;

  ReportReason(String title) {
    this.title = title;
  }

  /** @return a few words for a report's title */
  public String title() {
    return title;
  }
}
