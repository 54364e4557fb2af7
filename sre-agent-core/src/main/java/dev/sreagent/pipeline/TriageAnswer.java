package dev.sreagent.pipeline;

import java.util.Objects;

/**
 * The model's triage of an incident: is it a defect a code change can fix?
 *
 * @param actionable true when a change to this repository's code can fix it
 * @param category the kind of problem
 * @param summary one or two sentences for a human
 * @param confidence how sure the model is, from 0 to 1
 */
public record TriageAnswer(
    @SchemaField("true only when a change to this repository's source code can fix the problem") boolean actionable,
    @SchemaField("the kind of problem") Category category,
    @SchemaField(value = "one or two sentences describing the incident for an engineer", minLength = 1, maxLength = 600)
        String summary,
    @SchemaField(value = "how sure you are, from 0 to 1", minimum = 0, maximum = 1) double confidence) {

  /** Validates. */
  public TriageAnswer {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(summary, "summary");
  }

  /** The kind of problem. */
  public enum Category {
    /** A bug in this repository's code. */
    CODE_DEFECT,
    /** A wrong setting or missing configuration. */
    CONFIGURATION,
    /** A dependency (database, API, queue) failing or unreachable. */
    DEPENDENCY_FAILURE,
    /** Capacity, network, host or platform trouble. */
    INFRASTRUCTURE,
    /** Bad or unexpected input data. */
    BAD_INPUT,
    /** Cannot tell. */
    UNKNOWN
  }
}
