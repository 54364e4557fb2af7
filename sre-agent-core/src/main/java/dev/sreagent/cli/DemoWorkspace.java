package dev.sreagent.cli;

import dev.sreagent.local.internal.GitRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The demo's scratch folder ({@code target/demo} under the project): a fresh git repository holding a
 * copy of {@code examples/demo-service}, and the generated log file.
 */
final class DemoWorkspace {
  private final Path root;

  private DemoWorkspace(Path root) {
    this.root = root;
  }

  /** Deletes and recreates {@code dir}, copies the example service into {@code dir/repo} and commits it. */
  static DemoWorkspace create(Path example, Path dir) throws IOException {
    deleteRecursively(dir);
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    for (String part : List.of("src", "README.md")) {
      copy(example.resolve(part), repo.resolve(part));
    }
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "-c", "user.name=demo", "-c", "user.email=demo@localhost", "commit", "-q", "-m", "demo-service: initial import");
    return new DemoWorkspace(dir);
  }

  Path root() {
    return root;
  }

  Path repo() {
    return root.resolve("repo");
  }

  /** Runs git in {@code repo} (through the local code host's {@link GitRunner}) and returns its output. */
  static String git(Path repo, String... args) {
    return new GitRunner("git", repo, Duration.ofSeconds(60)).run(List.of(args));
  }

  private static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> s = Files.walk(from)) {
      s.forEach(p -> {
        try {
          Path target = to.resolve(from.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
