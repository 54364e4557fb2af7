package dev.sreagent.grouping;

import dev.sreagent.incident.Incident;
import java.util.List;
import java.util.Objects;

/**
 * The group a {@link Grouper} put an event in.
 *
 * @param fingerprint the group's versioned id: {@code fp1:s:…} (stack trace), {@code fp2:t:…} (template),
 *     {@code fp1:o:…} (override rule) or {@code fp1:i:<rule>} (ignored)
 * @param kind how the group was formed ({@link Incident.Kind#OVERRIDE} for both kinds of user rule)
 * @param title exception type and masked message, or the template; untrusted text, not yet redacted
 * @param exceptionTypes exception types, outermost first (empty for templates)
 * @param ignored true when an ignore rule matched: detection skips the event
 */
public record Group(String fingerprint, Incident.Kind kind, String title, List<String> exceptionTypes, boolean ignored) {
  /** Validates and copies. */
  public Group {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    exceptionTypes = List.copyOf(exceptionTypes);
  }
}
