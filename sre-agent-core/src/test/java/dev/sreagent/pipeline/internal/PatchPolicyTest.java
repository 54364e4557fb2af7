package dev.sreagent.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.pipeline.PolicySettings;
import dev.sreagent.pipeline.RemediationAnswer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PatchPolicyTest {
  final PatchPolicy policy = new PatchPolicy(PolicySettings.defaults());

  static RemediationAnswer plan(double confidence, String... paths) {
    return new RemediationAnswer("s", java.util.Arrays.stream(paths).map(p -> new RemediationAnswer.Edit(p, "a", "b")).toList(),
        confidence, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"src/main/java/com/acme/A.java", "orders/src/main/java/A.java", "orders/src/test/java/ATest.java",
      "lib/util.rb", "app/models/order.py", "internal/server/h.go", "pkg/x/y.go", "cmd/main.go", "tests/test_orders.py", "src/index.ts"})
  void sourceAndTestFoldersAreAllowed(String path) {
    assertThat(policy.checkPath(path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "src/.github/workflows/ci.yml => CI definitions may not be changed: src/.github/workflows/ci.yml",
      "src/.gitlab-ci.yml => CI definitions may not be changed: src/.gitlab-ci.yml",
      "src/Jenkinsfile => CI definitions may not be changed: src/Jenkinsfile",
      "src/pom.xml => build and dependency files may not be changed: src/pom.xml",
      "app/build.gradle.kts => build and dependency files may not be changed: app/build.gradle.kts",
      "app/package.json => build and dependency files may not be changed: app/package.json",
      "src/go.mod => build and dependency files may not be changed: src/go.mod",
      "app/requirements-dev.txt => build and dependency files may not be changed: app/requirements-dev.txt",
      "src/Dockerfile => container files may not be changed: src/Dockerfile",
      "app/docker-compose.prod.yml => container files may not be changed: app/docker-compose.prod.yml",
      "src/.env => dotfiles and dot-folders may not be changed: src/.env",
      "src/main/resources/.npmrc => dotfiles and dot-folders may not be changed: src/main/resources/.npmrc",
      "src/main/resources/secrets.yaml => files named like secrets may not be changed: src/main/resources/secrets.yaml",
      "src/main/resources/server.pem => files named like secrets may not be changed: src/main/resources/server.pem",
      "app/config/credentials.json => files named like secrets may not be changed: app/config/credentials.json"})
  void protectedFilesAreRefusedEvenInsideAllowedFolders(String path, String reason) {
    assertThat(policy.checkPath(path)).containsExactly(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "src/../../x", "src//A.java", "C:/x/A.java", "src\\A.java", "./src/A.java"})
  void pathsEscapingTheRepositoryAreRefused(String path) {
    assertThat(policy.checkPath(path)).containsExactly("path escapes the repository or is not a plain relative path: " + path);
  }

  @Test
  void pathsOutsideTheAllowedFoldersAreRefused() {
    assertThat(policy.checkPath("README.md")).containsExactly(
        "path is outside the allowed paths " + PolicySettings.DEFAULT_ALLOWED_PATHS + " (sre-agent.policy.allowed-paths): README.md");
  }

  @Test
  void configuredExceptionsAndAllowedPathsOpenProtectedFiles() {
    PatchPolicy custom = new PatchPolicy(new PolicySettings(List.of("**"), List.of("**/Dockerfile"), 3, 60, 0.7));
    assertThat(custom.checkPath("Dockerfile")).isEmpty();
    assertThat(custom.checkPath("pom.xml")).containsExactly("build and dependency files may not be changed: pom.xml");
  }

  @Test
  void everyViolationIsListed() {
    var answer = new RemediationAnswer("s", List.of(
        new RemediationAnswer.Edit("pom.xml", "a", "b"),
        new RemediationAnswer.Edit("src/A.java", "a", "bin\0ary")), 0.2, "");
    assertThat(new PatchPolicy(new PolicySettings(PolicySettings.DEFAULT_ALLOWED_PATHS, List.of(), 1, 10, 0.7)).check(answer, 2, 11))
        .containsExactly(
            "build and dependency files may not be changed: pom.xml",
            "path is outside the allowed paths " + PolicySettings.DEFAULT_ALLOWED_PATHS + " (sre-agent.policy.allowed-paths): pom.xml",
            "binary content in the replacement for src/A.java: only text changes are allowed",
            "the change touches 2 files; at most 1 are allowed (sre-agent.policy.max-files)",
            "the change has 11 changed lines; at most 10 are allowed (sre-agent.policy.max-changed-lines)",
            "the model's confidence 0.2 is below the floor 0.7 (sre-agent.policy.min-confidence)");
  }

  @Test
  void aCleanPlanPasses() {
    assertThat(policy.check(plan(0.7, "src/main/java/A.java"), 1, 5)).isEmpty();
  }

  @Test
  void globsMatchAcrossFoldersOnlyWithDoubleStar() {
    assertThat(Glob.of("src/*.java").matches("src/A.java")).isTrue();
    assertThat(Glob.of("src/*.java").matches("src/a/A.java")).isFalse();
    assertThat(Glob.of("**/src/main/**").matches("src/main/A.java")).isTrue();
    assertThat(Glob.of("**/src/main/**").matches("a/b/src/main/x/A.java")).isTrue();
    assertThat(Glob.of("a?c").matches("a/c")).isFalse();
  }
}
