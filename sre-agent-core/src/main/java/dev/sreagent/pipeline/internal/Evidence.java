package dev.sreagent.pipeline.internal;

import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;

/** Builds the redacted evidence text of an incident: its samples, each with time, service and severity, within a size bound. */
public final class Evidence {
  private Evidence() {}

  /**
   * @param incident the incident
   * @param run redacts
   * @param maxChars bound on the result; longer samples are cut with a marker
   * @return the samples, redacted
   */
  public static String of(Incident incident, IncidentRun run, int maxChars) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (LogEvent e : incident.samples()) {
      i++;
      String entry = "--- sample " + i + ": " + e.timestamp() + " " + e.severity() + " " + e.service() + "\n" + e.message() + "\n";
      String red = run.redact(entry);
      if (sb.length() + red.length() > maxChars) {
        int room = maxChars - sb.length();
        if (room > 200) {
          sb.append(red, 0, room - 40).append("\n[… cut: evidence limit reached]\n");
        }
        break;
      }
      sb.append(red);
    }
    return sb.toString();
  }

  /** @return the incident's facts (no log text except the redacted title), one per line */
  public static String facts(Incident incident, IncidentRun run) {
    return "fingerprint: " + incident.fingerprint() + "\n"
        + "kind: " + incident.kind() + "\n"
        + "trigger: " + incident.trigger() + "\n"
        + "severity: " + incident.severity() + "\n"
        + "events: " + incident.count() + " between " + incident.firstSeen() + " and " + incident.lastSeen() + "\n"
        + "services: " + run.redact(String.join(", ", incident.services())) + "\n"
        + "exception types: " + run.redact(String.join(", ", incident.exceptionTypes())) + "\n"
        + "title: " + run.redact(incident.title()) + "\n";
  }
}
