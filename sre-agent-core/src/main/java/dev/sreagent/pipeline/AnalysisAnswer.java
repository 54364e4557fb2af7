package dev.sreagent.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * The model's root-cause analysis, given the incident and the files its stack frames point at.
 *
 * @param rootCause what goes wrong, where and why
 * @param suspectFiles repository paths (among those shown) that must change
 * @param fixableInCode true when an edit to the shown files fixes it
 * @param confidence how sure the model is, from 0 to 1
 */
public record AnalysisAnswer(
    @SchemaField(value = "what goes wrong, in which file and method, and why", minLength = 1, maxLength = 2000)
        String rootCause,
    @SchemaField(value = "repository paths, among the files shown, that must change to fix it", maxLength = 10)
        List<String> suspectFiles,
    @SchemaField("true when an edit to the files shown fixes the root cause") boolean fixableInCode,
    @SchemaField(value = "how sure you are, from 0 to 1", minimum = 0, maximum = 1) double confidence) {

  /** Validates and copies. */
  public AnalysisAnswer {
    Objects.requireNonNull(rootCause, "rootCause");
    suspectFiles = List.copyOf(suspectFiles);
  }
}
