package dev.sreagent.local.internal;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the {@code git} executable: no shell, arguments as a list, a timeout, stdout and stderr captured.
 * Every call passes {@code -c} options that keep git from running anything of the repository's own
 * ({@code core.hooksPath=/dev/null}, {@code core.fsmonitor=false}), from prompting, and from
 * quoting paths. Inherited {@code GIT_DIR}, {@code GIT_WORK_TREE}, {@code GIT_INDEX_FILE} are removed so
 * the repository given is the one used.
 */
public final class GitRunner {
  private static final int MAX_ERROR_CHARS = 500;

  private final String executable;
  private final Path repository;
  private final Duration timeout;

  /**
   * @param executable the git executable ({@code git} to look it up on the PATH)
   * @param repository the working directory of every call
   * @param timeout how long one call may take
   */
  public GitRunner(String executable, Path repository, Duration timeout) {
    this.executable = Objects.requireNonNull(executable, "executable");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /** The outcome of a call. @param exit exit code @param stdout raw output @param stderr error text */
  public record Result(int exit, byte[] stdout, String stderr) {
    /** @return stdout as UTF-8 text (invalid bytes replaced) */
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** @return true for exit code 0 */
    public boolean ok() {
      return exit == 0;
    }
  }

  /** Runs and requires exit code 0. @return stdout as text, trailing newline removed */
  public String run(List<String> args) {
    return run(args, Map.of(), null).out().stripTrailing();
  }

  /**
   * Runs and requires exit code 0.
   *
   * @param args arguments after {@code git}
   * @param env extra environment variables
   * @param stdin bytes written to the process's input, or null
   * @return the result
   * @throws NonRetriableException on a non-zero exit, with git's error text
   */
  public Result run(List<String> args, Map<String, String> env, byte @Nullable [] stdin) {
    Result r = call(args, env, stdin);
    if (!r.ok()) {
      throw new NonRetriableException("git " + describe(args) + " failed in " + repository + " (exit " + r.exit() + "): "
          + firstLines(r.stderr()));
    }
    return r;
  }

  /** Runs without checking the exit code. */
  public Result call(List<String> args, Map<String, String> env, byte @Nullable [] stdin) {
    List<String> command = new ArrayList<>();
    command.add(executable);
    command.addAll(List.of("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "core.quotePath=false",
        "-c", "advice.detachedHead=false", "-c", "credential.helper=", "-c", "gc.auto=0"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(repository.toFile());
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.equals("GIT_DIR") || k.equals("GIT_WORK_TREE") || k.equals("GIT_INDEX_FILE")
        || k.equals("GIT_OBJECT_DIRECTORY") || k.equals("GIT_COMMON_DIR"));
    e.put("GIT_TERMINAL_PROMPT", "0");
    e.put("LC_ALL", "C");
    e.putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException ex) {
      throw new ConfigurationException("Cannot run the git executable '" + executable + "': " + ex.getMessage()
          + ": install git or set sre-agent.local.git to its path", ex);
    }
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    } catch (IOException ex) {
      // the process exited early; its exit code and stderr say why
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new RetriableException("git " + describe(args) + " did not finish within " + timeout + " in " + repository
            + " (raise sre-agent.local.git-timeout if the repository is large)");
      }
      return new Result(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException ex) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted while running git " + describe(args), ex);
    } catch (ExecutionException ex) {
      throw new RetriableException("Cannot read the output of git " + describe(args), ex.getCause());
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(List<String> args) {
    return args.isEmpty() ? "" : args.get(0);
  }

  private static String firstLines(String stderr) {
    String s = stderr.strip().replace('\n', ' ');
    return s.length() > MAX_ERROR_CHARS ? s.substring(0, MAX_ERROR_CHARS) + "…" : s.isEmpty() ? "(no error text)" : s;
  }
}
