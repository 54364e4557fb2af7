package dev.sreagent.pipeline.internal;

import dev.sreagent.incident.Incident;
import dev.sreagent.pipeline.AnalysisAnswer;
import dev.sreagent.pipeline.RemediationAnswer;
import dev.sreagent.pipeline.ReportReason;
import dev.sreagent.pipeline.TriageAnswer;
import dev.sreagent.spi.ChangeKey;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the titles and Markdown bodies of changes, reports and comments. Every text that comes from logs
 * or from the model is redacted, and neutralized for Markdown: HTML is escaped, {@code @mentions} cannot
 * ping, and log text sits in a code block whose fence is longer than any backtick run inside it.
 */
public final class Markdown {
  /** The notice at the top of every change and report. */
  public static final String REVIEW_NOTICE = "> **Requires human review.** sre-agent proposed this from production logs. "
      + "Read, test and edit it before merging; sre-agent never merges.";

  private Markdown() {}

  /** @return the change's title */
  public static String changeTitle(RemediationAnswer fix, IncidentRun run) {
    return "sre-agent: " + oneLine(run.redact(fix.summary()), 100);
  }

  /** @return the change's body */
  public static String changeBody(Incident incident, ChangeKey key, TriageAnswer triage, AnalysisAnswer analysis, RemediationAnswer fix,
      List<String> paths, int changedLines, String modelId, String evidence, IncidentRun run) {
    StringBuilder sb = new StringBuilder();
    sb.append(REVIEW_NOTICE).append("\n\n");
    incidentSection(sb, incident, run);
    sb.append("## Triage\n\n").append(prose(triage.summary(), run)).append("\n\n")
        .append("Category: ").append(triage.category()).append(" · confidence ").append(triage.confidence()).append("\n\n");
    sb.append("## Root cause\n\n").append(prose(analysis.rootCause(), run)).append("\n\n");
    sb.append("## Change\n\n").append(prose(fix.summary(), run)).append("\n\n");
    for (String p : paths) {
      sb.append("- `").append(p.replace("`", "")).append("`\n");
    }
    sb.append("\nChanged lines: ").append(changedLines).append("\n\n");
    sb.append("Model confidence: analysis ").append(analysis.confidence()).append(", fix ").append(fix.confidence())
        .append(" (model `").append(modelId.replace("`", "")).append("`)\n\n");
    sb.append("## How to verify\n\n").append(prose(fix.testSuggestion(), run)).append("\n\n");
    evidenceSection(sb, evidence);
    sb.append(marker(key));
    return sb.toString();
  }

  /** @return the report's title */
  public static String reportTitle(Incident incident, ReportReason reason, IncidentRun run) {
    return "sre-agent report (" + reason.title() + "): " + oneLine(run.redact(incident.title()), 100);
  }

  /** @return the report's body */
  public static String reportBody(Incident incident, ChangeKey key, ReportReason reason, List<String> details,
      @Nullable TriageAnswer triage, @Nullable AnalysisAnswer analysis, String evidence, IncidentRun run) {
    StringBuilder sb = new StringBuilder();
    sb.append(REVIEW_NOTICE).append("\n\n");
    sb.append("**No code change was proposed: ").append(reason.title()).append(".**\n\n");
    if (reason == ReportReason.SUSPICIOUS) {
      sb.append("The logs contain text that reads like instructions to an AI model or tries to break out of a data block. "
          + "sre-agent made no model call for a fix and changed no code. Check whether someone is trying to manipulate the agent.\n\n");
    }
    sb.append("## Reasons\n\n");
    for (String d : details) {
      sb.append("- ").append(prose(d, run)).append('\n');
    }
    sb.append('\n');
    incidentSection(sb, incident, run);
    if (triage != null) {
      sb.append("## Triage\n\n").append(prose(triage.summary(), run)).append("\n\nCategory: ").append(triage.category())
          .append(" · actionable ").append(triage.actionable()).append(" · confidence ").append(triage.confidence()).append("\n\n");
    }
    if (analysis != null) {
      sb.append("## Root cause\n\n").append(prose(analysis.rootCause(), run)).append("\n\nConfidence: ").append(analysis.confidence())
          .append("\n\n");
    }
    evidenceSection(sb, evidence);
    sb.append(marker(key));
    return sb.toString();
  }

  /** @return a comment adding new evidence to an existing change or report */
  public static String evidenceComment(Incident incident, String evidence, IncidentRun run) {
    StringBuilder sb = new StringBuilder("sre-agent saw this incident again: ").append(incident.count()).append(" events between ")
        .append(incident.firstSeen()).append(" and ").append(incident.lastSeen()).append(" (trigger ").append(incident.trigger())
        .append(", services ").append(prose(String.join(", ", incident.services()), run)).append(").\n\n");
    evidenceSection(sb, evidence);
    return sb.toString();
  }

  private static void incidentSection(StringBuilder sb, Incident incident, IncidentRun run) {
    sb.append("## Incident\n\n")
        .append("- Summary: ").append(prose(oneLine(incident.title(), 300), run)).append('\n')
        .append("- Fingerprint: `").append(incident.fingerprint().replace("`", "")).append("`\n")
        .append("- Severity: ").append(incident.severity()).append(" · trigger: ").append(incident.trigger()).append('\n')
        .append("- Events: ").append(incident.count()).append(" from ").append(incident.firstSeen()).append(" to ")
        .append(incident.lastSeen()).append('\n')
        .append("- Services: ").append(prose(String.join(", ", incident.services()), run)).append("\n\n");
  }

  private static void evidenceSection(StringBuilder sb, String redactedEvidence) {
    String fence = "```";
    while (redactedEvidence.contains(fence)) {
      fence += "`";
    }
    sb.append("## Evidence (redacted)\n\n").append(fence).append("text\n").append(redactedEvidence)
        .append(redactedEvidence.endsWith("\n") ? "" : "\n").append(fence).append("\n\n");
  }

  private static String marker(ChangeKey key) {
    return "<!-- sre-agent-key: " + key.value() + " -->\n";
  }

  /** @return redacted text safe to put in Markdown prose */
  static String prose(String text, IncidentRun run) {
    return run.redact(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "@\u200B");
  }

  static String oneLine(String text, int max) {
    String t = text.replaceAll("\\s+", " ").trim();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
