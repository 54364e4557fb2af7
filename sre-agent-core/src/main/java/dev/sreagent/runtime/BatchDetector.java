package dev.sreagent.runtime;

import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import java.util.List;

/**
 * Turns a batch of redacted log events into the incidents they open (grouping and detection). Called by
 * the agent's single polling thread, batch after batch, so it may keep state (windows, cooldowns) between
 * calls. It must not block on I/O. An exception fails the batch: the cursor is not saved and the batch is
 * read again.
 */
@FunctionalInterface
public interface BatchDetector {
  /**
   * @param events the batch, redacted, oldest first
   * @return the incidents this batch opened, possibly none
   */
  List<Incident> detect(List<LogEvent> events);
}
