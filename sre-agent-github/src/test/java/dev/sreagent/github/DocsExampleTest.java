package dev.sreagent.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.github.fake.FakeGitHub;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.ReportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Produces the pull request, commit, report and comment shown in docs/providers/github.md with the real code
 * against the fake GitHub, writes them to target/github-examples.md, and checks that the document shows
 * exactly what the code produces.
 */
class DocsExampleTest {
  static final String PR_BODY = String.join("\n",
      "## NullPointerException in CheckoutService.total",
      "",
      "**Incident** `a1f3c9e07b2d` · 42 events in 5 minutes · service `checkout` · first seen 2026-11-26T11:52:10Z",
      "",
      "**Root cause** (confidence 0.82): `items` is null when the cart is empty; `total` dereferences it.",
      "",
      "**Fix**: return 0 for an empty or null cart.",
      "",
      "<details><summary>Evidence (redacted)</summary>",
      "",
      "```",
      "java.lang.NullPointerException: Cannot read the array length because \"items\" is null",
      "    at com.acme.pay.Checkout.total(Checkout.java:6)",
      "user=<EMAIL-1> card=<CARD-1>",
      "```",
      "</details>",
      "",
      "> Proposed by sre-agent. **Requires human review**: nothing is merged automatically.");
  static final String REPORT_BODY = String.join("\n",
      "## Suspicious log content in service `checkout`",
      "",
      "The log lines of incident `77be01c4d9aa` contain instruction-like text, so no code change was proposed.",
      "",
      "> Report only. **Requires human review**.");

  @Test
  void theDocumentShowsWhatTheCodeProduces() throws IOException {
    String example;
    try (Fixture f = Fixture.fineGrained().with(GitHubConfig.REVIEWERS, "alice").with(GitHubConfig.LABELS, "bug")) {
      GitHubCodeHost host = f.host();
      ChangeRef change = host.openChange(new ChangeRequest(new ChangeKey("checkout-npe-a1f3c9e07b2d"),
          "Fix NullPointerException in Checkout.total", PR_BODY,
          List.of(new FileChange("src/main/java/com/acme/pay/Checkout.java", "package com.acme.pay;\n// fixed\n")), List.of()));
      host.comment(change, "12 more occurrences since the pull request was opened (last at 2026-11-26T12:40:00Z).");
      ChangeRef report = host.openReport(new ReportRequest(new ChangeKey("checkout-suspicious-77be01c4d9aa"),
          "Suspicious log content in checkout", REPORT_BODY, List.of()));
      FakeGitHub.Issue pr = f.github.pulls().get(0);
      FakeGitHub.Issue issue = f.github.issuesOnly().get(0);
      example = String.join("\n",
          "Pull request: draft=" + pr.draft + ", head=" + pr.head + ", base=" + pr.base + ", labels=" + pr.labels
              + ", reviewers=" + pr.reviewers,
          "Title: " + pr.title,
          "",
          "Commit message:",
          "",
          "```text",
          f.github.commit(change.commit()).message(),
          "```",
          "",
          "Pull request body:",
          "",
          "````markdown",
          pr.body,
          "````",
          "",
          "Evidence comment:",
          "",
          "```markdown",
          pr.comments.get(0).body(),
          "```",
          "",
          "Report issue: labels=" + issue.labels + ", title: " + issue.title,
          "",
          "```markdown",
          issue.body,
          "```",
          "");
      assertThat(report.kind()).isEqualTo(ChangeRef.Kind.REPORT);
    }
    Files.writeString(Path.of("target/github-examples.md"), example, StandardCharsets.UTF_8);
    Assumptions.assumeTrue(Files.exists(Path.of("../docs/providers/github.md")), "no docs/providers/github.md beside the module");
    String doc = Files.readString(Path.of("../docs/providers/github.md"), StandardCharsets.UTF_8);
    assertThat(doc).as("docs/providers/github.md shows target/github-examples.md verbatim").contains(example);
  }
}
