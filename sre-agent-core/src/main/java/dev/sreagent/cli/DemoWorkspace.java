package dev.sreagent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  static DemoWorkspace create(Path example, Path dir) throws IOException, InterruptedException {
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

  static String git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("git");
    cmd.add("-C");
    cmd.add(repo.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("git " + String.join(" ", args) + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + out.strip());
    }
    return out;
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
