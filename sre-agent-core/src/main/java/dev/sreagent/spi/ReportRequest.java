package dev.sreagent.spi;

import java.util.List;
import java.util.Objects;

/**
 * A report without a code change (an issue, or the host's equivalent): not actionable, suspicious, low
 * confidence, or refused by policy.
 *
 * @param key the idempotency key
 * @param title the title
 * @param body the body (Markdown), already redacted
 * @param labels labels to set
 */
public record ReportRequest(ChangeKey key, String title, String body, List<String> labels) {
  /** Validates and copies. */
  public ReportRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    labels = List.copyOf(labels);
  }
}
