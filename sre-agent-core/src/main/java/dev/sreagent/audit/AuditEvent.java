package dev.sreagent.audit;

import java.time.Instant;

/**
 * One audited action. The permitted records hold identifiers (fingerprints, change keys, model ids),
 * counts and outcomes, never content.
 */
public sealed interface AuditEvent permits ModelCallEvent, DeliveryEvent, RedactionEvent {
  /** @return when the action finished */
  Instant at();

  /** @return the incident fingerprint the action was for */
  String fingerprint();

  /** @return the event as {@code key=value} pairs for a structured log line */
  String toLogLine();
}
