package dev.sreagent.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A change, report or comment delivered to the code host.
 *
 * @param at when it was delivered
 * @param fingerprint the incident's fingerprint
 * @param key the change key
 * @param kind what was delivered
 * @param target where a human finds it (pull request or issue URL, or the host's id)
 * @param created true when this delivery created it, false when it existed already
 * @param files files changed (0 for reports and comments)
 * @param changedLines lines added plus lines removed (0 for reports and comments)
 * @param reason why a report was opened (a {@code ReportReason} name), "" for changes and comments
 */
public record DeliveryEvent(
    Instant at, String fingerprint, String key, Kind kind, String target, boolean created, int files, int changedLines, String reason)
    implements AuditEvent {

  /** Validates. */
  public DeliveryEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toLogLine() {
    return "event=delivery fingerprint=" + fingerprint + " key=" + key + " kind=" + kind + " target=" + target + " created="
        + created + " files=" + files + " changed-lines=" + changedLines + (reason.isEmpty() ? "" : " reason=" + reason);
  }

  /** What was delivered. */
  public enum Kind {
    /** A draft pull request. */
    CHANGE,
    /** An issue-like report. */
    REPORT,
    /** New evidence added to an existing change or report. */
    COMMENT
  }
}
