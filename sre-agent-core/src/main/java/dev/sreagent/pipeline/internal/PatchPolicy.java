package dev.sreagent.pipeline.internal;

import dev.sreagent.pipeline.PolicySettings;
import dev.sreagent.pipeline.RemediationAnswer;
import dev.sreagent.spi.RepositoryPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a proposed change before delivery and lists every rule it breaks: paths (inside the repository,
 * allowed, not protected), number of files, changed lines, binary content and the model's confidence.
 * Protected, unless a {@linkplain PolicySettings#protectedExceptions() configured exception} matches: CI
 * definitions, build and dependency files, container files, dotfiles and dot-folders, and files named like
 * secrets. Immutable and thread safe.
 */
public final class PatchPolicy {
  private static final Pattern CI = Pattern.compile(
      "(?:^|.*/)(?:\\.github/.*|\\.gitlab-ci\\.ya?ml|\\.gitlab/.*|\\.circleci/.*|\\.buildkite/.*|\\.travis\\.ya?ml|jenkinsfile"
          + "|azure-pipelines\\.ya?ml|bitbucket-pipelines\\.ya?ml|\\.drone\\.ya?ml|cloudbuild\\.ya?ml|buildspec\\.ya?ml|\\.woodpecker\\.ya?ml)");
  private static final Pattern BUILD = Pattern.compile(
      "(?:^|.*/)(?:pom\\.xml|build\\.gradle(?:\\.kts)?|settings\\.gradle(?:\\.kts)?|gradle\\.properties|gradlew(?:\\.bat)?|gradle-wrapper\\.\\w+"
          + "|mvnw(?:\\.cmd)?|maven-wrapper\\.\\w+|build\\.xml|ivy\\.xml|build\\.sbt|package\\.json|package-lock\\.json|npm-shrinkwrap\\.json"
          + "|yarn\\.lock|pnpm-lock\\.yaml|pnpm-workspace\\.yaml|go\\.mod|go\\.sum|go\\.work|requirements[\\w.-]*\\.(?:txt|in)|constraints[\\w.-]*\\.txt"
          + "|setup\\.py|setup\\.cfg|pyproject\\.toml|pipfile(?:\\.lock)?|poetry\\.lock|uv\\.lock|cargo\\.toml|cargo\\.lock|gemfile(?:\\.lock)?"
          + "|[\\w.-]+\\.gemspec|makefile|cmakelists\\.txt|[\\w.-]+\\.csproj|[\\w.-]+\\.sln|directory\\.build\\.props|nuget\\.config"
          + "|packages\\.config|composer\\.json|composer\\.lock|mix\\.exs|deno\\.json|bun\\.lockb|tsconfig[\\w.-]*\\.json|webpack\\.config\\.\\w+)");
  private static final Pattern CONTAINER = Pattern.compile(
      "(?:^|.*/)(?:dockerfile[\\w.-]*|[\\w.-]+\\.dockerfile|containerfile|\\.dockerignore|docker-compose[\\w.-]*\\.ya?ml|compose[\\w.-]*\\.ya?ml)");
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?:^|.*/)[^/]*(?:secret|credential|passw(?:or)?d|htpasswd|private[-_]?key|id_rsa|id_dsa|id_ecdsa|id_ed25519|\\.netrc|keystore"
          + "|truststore)[^/]*|.*\\.(?:pem|key|p12|pfx|jks|keystore|crt|cer|der|gpg|asc|kdbx|tfvars|tfstate)");

  private final PolicySettings settings;
  private final List<Glob> allowed;
  private final List<Glob> exceptions;

  /** @param settings the rules' parameters */
  public PatchPolicy(PolicySettings settings) {
    this.settings = settings;
    this.allowed = settings.allowedPaths().stream().map(Glob::of).toList();
    this.exceptions = settings.protectedExceptions().stream().map(Glob::of).toList();
  }

  /**
   * @param answer the model's plan (its paths and confidence)
   * @param files how many files the applied plan changes
   * @param changedLines lines removed plus added by the applied plan
   * @return every violated rule, one line each; empty when the plan may be delivered
   */
  public List<String> check(RemediationAnswer answer, int files, int changedLines) {
    List<String> out = new ArrayList<>();
    Set<String> paths = new LinkedHashSet<>();
    answer.edits().forEach(e -> paths.add(e.path()));
    for (String path : paths) {
      out.addAll(checkPath(path));
    }
    for (RemediationAnswer.Edit e : answer.edits()) {
      if (isBinary(e.replace())) {
        out.add("binary content in the replacement for " + e.path() + ": only text changes are allowed");
      }
    }
    int fileCount = Math.max(files, paths.size());
    if (fileCount > settings.maxFiles()) {
      out.add("the change touches " + fileCount + " files; at most " + settings.maxFiles() + " are allowed (sre-agent.policy.max-files)");
    }
    if (changedLines > settings.maxChangedLines()) {
      out.add("the change has " + changedLines + " changed lines; at most " + settings.maxChangedLines()
          + " are allowed (sre-agent.policy.max-changed-lines)");
    }
    if (answer.confidence() < settings.minConfidence()) {
      out.add(confidenceViolation(answer.confidence()));
    }
    return out;
  }

  /** @return the line {@link #check} writes for a confidence under the floor */
  public String confidenceViolation(double confidence) {
    return "the model's confidence " + confidence + " is below the floor " + settings.minConfidence()
        + " (sre-agent.policy.min-confidence)";
  }

  /** @return the violations of one path */
  public List<String> checkPath(String path) {
    try {
      RepositoryPaths.requireSafe(path);
    } catch (IllegalArgumentException e) {
      return List.of("path escapes the repository or is not a plain relative path: " + path);
    }
    List<String> out = new ArrayList<>();
    boolean excepted = exceptions.stream().anyMatch(g -> g.matches(path));
    String lower = path.toLowerCase(Locale.ROOT);
    if (!excepted) {
      if (CI.matcher(lower).matches()) {
        out.add("CI definitions may not be changed: " + path);
      } else if (BUILD.matcher(lower).matches()) {
        out.add("build and dependency files may not be changed: " + path);
      } else if (CONTAINER.matcher(lower).matches()) {
        out.add("container files may not be changed: " + path);
      } else if (lower.startsWith(".") || lower.contains("/.")) {
        out.add("dotfiles and dot-folders may not be changed: " + path);
      } else if (SECRET_NAME.matcher(lower).matches()) {
        out.add("files named like secrets may not be changed: " + path);
      }
    }
    if (allowed.stream().noneMatch(g -> g.matches(path))) {
      out.add("path is outside the allowed paths " + settings.allowedPaths() + " (sre-agent.policy.allowed-paths): " + path);
    }
    return out;
  }

  private static boolean isBinary(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
        return true;
      }
    }
    return false;
  }
}
