package dev.sreagent.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * The model's fix as exact search/replace edits against the files it was shown.
 *
 * <p>Why search/replace rather than whole files or unified diffs: each edit names the exact text it
 * replaces, so it either applies to the file the model saw or fails loudly (a stale or invented context
 * cannot apply silently); the model cannot drop or rewrite unrelated code outside the edit; output tokens
 * stay proportional to the change; and the changed lines are counted exactly for the policy. Unified
 * diffs fail on miscounted hunk headers that models often get wrong.
 *
 * @param summary what the change does, for the pull request title
 * @param edits the edits, applied in order
 * @param confidence how sure the model is that the change fixes the root cause, from 0 to 1
 * @param testSuggestion how a reviewer can verify the fix
 */
public record RemediationAnswer(
    @SchemaField(value = "what the change does, in under 80 characters", minLength = 1, maxLength = 120) String summary,
    @SchemaField(value = "the edits, applied in order", minLength = 1, maxLength = 20) List<Edit> edits,
    @SchemaField(value = "how sure you are that this change fixes the root cause, from 0 to 1", minimum = 0, maximum = 1)
        double confidence,
    @SchemaField(value = "how a reviewer can verify the fix (a test to add or run)", maxLength = 1000) String testSuggestion) {

  /** Validates and copies. */
  public RemediationAnswer {
    Objects.requireNonNull(summary, "summary");
    edits = List.copyOf(edits);
    Objects.requireNonNull(testSuggestion, "testSuggestion");
  }

  /**
   * One exact replacement in one file.
   *
   * @param path the repository path of a file shown to the model
   * @param search text copied exactly from that file, occurring there exactly once
   * @param replace the text to put in its place
   */
  public record Edit(
      @SchemaField(value = "repository path of one of the files shown", minLength = 1, maxLength = 300) String path,
      @SchemaField(value = "text copied exactly (whitespace included) from that file; it must occur exactly once there",
          minLength = 1, maxLength = 8000) String search,
      @SchemaField(value = "the text that replaces it", maxLength = 8000) String replace) {

    /** Validates. */
    public Edit {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(search, "search");
      Objects.requireNonNull(replace, "replace");
    }
  }
}
