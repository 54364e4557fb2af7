package dev.sreagent.incident;

import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group of log events with one root cause that crossed a detection trigger. Published on the
 * {@link dev.sreagent.spi.MessageBus} (as JSON) keyed by {@link #fingerprint()}, consumed by the
 * remediation pipeline. Every text in it has already passed the redactor.
 *
 * @param fingerprint the group's stable, versioned id ({@code fp1:…}); the change key derives from it
 * @param kind how the group was formed
 * @param title a one-line summary: exception type and message template, or the message template
 * @param exceptionTypes exception types of a stack trace, outermost first (empty for templates)
 * @param trigger what opened the incident
 * @param severity the highest severity seen
 * @param score a severity score from 0 (noise) to 100 (outage), from severity, rate and spread
 * @param firstSeen first event of the group in this incident
 * @param lastSeen last event of the group in this incident
 * @param count events of the group in this incident
 * @param services affected services, sorted
 * @param samples a handful of redacted sample events chosen to be diverse
 */
public record Incident(
    String fingerprint,
    Kind kind,
    String title,
    List<String> exceptionTypes,
    Trigger trigger,
    Severity severity,
    double score,
    Instant firstSeen,
    Instant lastSeen,
    long count,
    List<String> services,
    List<LogEvent> samples) {

  /** Validates and copies. */
  public Incident {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    exceptionTypes = List.copyOf(exceptionTypes);
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    services = List.copyOf(services);
    samples = List.copyOf(samples);
  }

  /** How the group was formed. */
  public enum Kind {
    /** From a stack trace: exception types and in-app frames. */
    STACK_TRACE,
    /** From a mined message template. */
    TEMPLATE,
    /** From a user override rule. */
    OVERRIDE
  }

  /** What opened the incident. */
  public enum Trigger {
    /** A group never seen before reached the minimum count. */
    NEW_GROUP,
    /** The group's rate in the window crossed the threshold. */
    ERROR_RATE,
    /** Critical events arrived in a burst. */
    CRITICAL_BURST
  }
}
