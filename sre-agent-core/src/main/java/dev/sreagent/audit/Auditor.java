package dev.sreagent.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link AuditEvent} as one INFO line on the slf4j logger {@code dev.sreagent.audit} and hands
 * it to every listener. Thread safe.
 */
public final class Auditor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.sreagent.audit");
  private final List<AuditListener> listeners;

  private Auditor(List<AuditListener> listeners) {
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  /** @return an auditor that logs and calls {@code listeners} in order */
  public static Auditor create(List<AuditListener> listeners) {
    return new Auditor(List.copyOf(listeners));
  }

  /** @return an auditor that only logs */
  public static Auditor loggingOnly() {
    return new Auditor(List.of());
  }

  /** Logs {@code event} and notifies the listeners; a failing listener is logged and skipped. */
  public void record(AuditEvent event) {
    LOG.info(event.toLogLine());
    for (AuditListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Audit listener {} failed on {}: {}", l.getClass().getName(), event.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
