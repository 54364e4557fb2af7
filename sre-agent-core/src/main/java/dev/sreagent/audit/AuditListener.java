package dev.sreagent.audit;

/**
 * Receives every audit event (for metrics, a SIEM, or tests). Called synchronously on the thread that
 * did the work; keep it quick. An exception thrown by a listener is logged and does not stop the work or
 * the other listeners. Implementations must be thread safe.
 */
@FunctionalInterface
public interface AuditListener {
  /** @param event the event; holds no content and no secrets */
  void onEvent(AuditEvent event);
}
