package dev.sreagent.pipeline.internal;

import dev.sreagent.pipeline.ReportReason;
import java.util.List;

/**
 * A stage cannot go on: the incident becomes a report with this reason and these details. Internal control
 * flow, never thrown out of the pipeline.
 */
public final class StageFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ReportReason reason;
  private final List<String> details;

  /**
   * @param reason the report's reason
   * @param details one line each, already free of secrets
   */
  public StageFailure(ReportReason reason, List<String> details) {
    super(reason + ": " + String.join("; ", details), null, false, false);
    this.reason = reason;
    this.details = List.copyOf(details);
  }

  /** @return the report's reason */
  public ReportReason reason() {
    return reason;
  }

  /** @return the details */
  public List<String> details() {
    return details;
  }
}
