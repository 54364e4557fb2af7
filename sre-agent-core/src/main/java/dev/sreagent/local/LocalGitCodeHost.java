package dev.sreagent.local;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.local.internal.ChangeFiles;
import dev.sreagent.local.internal.GitRunner;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.ReportRequest;
import dev.sreagent.spi.RepositoryPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CodeHost} over a local git repository, driven through the {@code git} executable.
 *
 * <p><b>Reading.</b> {@link #readFile} and {@link #listPaths} read committed content at a ref
 * ({@code git ls-tree}, {@code git cat-file}); an empty ref means the default branch (configured, else
 * {@code origin/HEAD}'s target, else {@code main}, else {@code master}, else the checked-out branch).
 *
 * <p><b>Changes.</b> {@link #openChange} creates the branch {@code sre-agent/<key>} from the default
 * branch's head with ONE commit (author and committer {@code sre-agent <sre-agent@localhost>}) holding
 * the new file contents, and writes the pull request (title, {@code draft: true}, labels, branch,
 * commit, body) to {@code <git dir>/sre-agent/changes/<key>.md}. It is built with plumbing on a temporary
 * index ({@code read-tree}, {@code hash-object -w}, {@code update-index --cacheinfo}, {@code write-tree},
 * {@code commit-tree}) and published with {@code update-ref <ref> <commit> ""}, which creates the branch
 * only if it does not exist yet. So the user's checked-out working tree, index and HEAD are never
 * touched, no hooks run, nothing is checked out (fast on large repositories), and two racing agents
 * cannot both create the branch. A second call with the same key returns the first change with
 * {@code created=false}; a call after a crash between the branch and the Markdown file completes the change
 * using the existing branch. {@link #openReport} writes {@code <git dir>/sre-agent/reports/<key>.md};
 * {@link #comment} appends to the change's or report's file.
 *
 * <p>Thread safe: writes are serialized per instance, and branch creation is atomic across processes.
 */
public final class LocalGitCodeHost implements CodeHost {
  private static final Logger LOG = LoggerFactory.getLogger(LocalGitCodeHost.class);
  /** Author and committer of every change. */
  public static final String AUTHOR_NAME = "sre-agent";
  /** Author and committer e-mail of every change. */
  public static final String AUTHOR_EMAIL = "sre-agent@localhost";
  /** Branches of changes are {@code sre-agent/<key>}. */
  public static final String BRANCH_PREFIX = "sre-agent/";

  private final GitRunner git;
  private final Path repository;
  private final Path gitDir;
  private final String baseBranch;
  private final Clock clock;
  private final Object lock = new Object();

  private LocalGitCodeHost(GitRunner git, Path repository, Path gitDir, String baseBranch, Clock clock) {
    this.git = git;
    this.repository = repository;
    this.gitDir = gitDir;
    this.baseBranch = baseBranch;
    this.clock = clock;
  }

  /**
   * Opens a repository.
   *
   * @param repository a git working repository (or bare repository)
   * @param baseBranch the default branch, or null to detect it
   * @param gitExecutable the git executable ({@code git} for the PATH)
   * @param timeout how long one git call may take
   * @param clock time of commits and comments
   * @throws ConfigurationException when it is not a git repository or the default branch cannot be found
   */
  public static LocalGitCodeHost open(Path repository, @Nullable String baseBranch, String gitExecutable, Duration timeout, Clock clock) {
    Path repo = repository.toAbsolutePath().normalize();
    if (!Files.isDirectory(repo)) {
      throw new ConfigurationException("Repository " + repo + " (" + LocalCodeHostProvider.REPO
          + ") does not exist or is not a directory: set it to a git working repository");
    }
    GitRunner git = new GitRunner(gitExecutable, repo, timeout);
    GitRunner.Result r = git.call(List.of("rev-parse", "--path-format=absolute", "--git-common-dir"), Map.of(), null);
    if (!r.ok()) {
      throw new ConfigurationException("Repository " + repo + " (" + LocalCodeHostProvider.REPO
          + ") is not a git repository: run 'git init' there or point the key at a clone");
    }
    Path gitDir = Path.of(r.out().strip());
    String base = baseBranch != null ? baseBranch : detectBase(git, repo);
    if (!git.call(List.of("rev-parse", "--verify", "--quiet", "refs/heads/" + base + "^{commit}"), Map.of(), null).ok()) {
      throw new ConfigurationException("Default branch '" + base + "' of repository " + repo + " has no commit: commit to it first, or set "
          + LocalCodeHostProvider.BASE_BRANCH + " to an existing branch");
    }
    return new LocalGitCodeHost(git, repo, gitDir, base, clock);
  }

  private static String detectBase(GitRunner git, Path repo) {
    GitRunner.Result origin = git.call(List.of("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"), Map.of(), null);
    if (origin.ok() && origin.out().strip().startsWith("origin/")) {
      String b = origin.out().strip().substring("origin/".length());
      if (git.call(List.of("rev-parse", "--verify", "--quiet", "refs/heads/" + b), Map.of(), null).ok()) {
        return b;
      }
    }
    for (String b : List.of("main", "master")) {
      if (git.call(List.of("rev-parse", "--verify", "--quiet", "refs/heads/" + b), Map.of(), null).ok()) {
        return b;
      }
    }
    GitRunner.Result head = git.call(List.of("symbolic-ref", "--quiet", "--short", "HEAD"), Map.of(), null);
    if (head.ok() && !head.out().isBlank()) {
      return head.out().strip();
    }
    throw new ConfigurationException("Cannot find the default branch of repository " + repo + ": set "
        + LocalCodeHostProvider.BASE_BRANCH + " to the branch changes start from");
  }

  /** @return the default branch changes start from */
  public String baseBranch() {
    return baseBranch;
  }

  /** @return the repository's git directory (where {@code sre-agent/changes} and {@code sre-agent/reports} are) */
  public Path gitDir() {
    return gitDir;
  }

  @Override
  public Optional<FileContent> readFile(String path, Optional<String> ref) {
    RepositoryPaths.requireSafe(path);
    String commit = resolve(ref.orElse(baseBranch));
    String entry = git.run(List.of("ls-tree", "-z", commit, "--", path), Map.of(), null).out();
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    String[] meta = entry.substring(0, entry.indexOf('\t')).split(" ");
    if (!meta[1].equals("blob")) {
      return Optional.empty();
    }
    byte[] bytes = git.run(List.of("cat-file", "blob", meta[2]), Map.of(), null).stdout();
    return Optional.of(new FileContent(path, commit, new String(bytes, StandardCharsets.UTF_8)));
  }

  @Override
  public List<String> listPaths(Optional<String> ref) {
    String commit = resolve(ref.orElse(baseBranch));
    String out = git.run(List.of("ls-tree", "-r", "-z", "--name-only", commit), Map.of(), null).out();
    List<String> paths = new ArrayList<>();
    for (String p : out.split("\0")) {
      if (!p.isEmpty()) {
        paths.add(p);
      }
    }
    paths.sort(null);
    return List.copyOf(paths);
  }

  private String resolve(String ref) {
    if (ref.isEmpty() || ref.startsWith("-") || !ref.matches("[A-Za-z0-9._/@{}^~+-]{1,255}")) {
      throw new IllegalArgumentException("not a safe git ref: " + ref);
    }
    GitRunner.Result r = git.call(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"), Map.of(), null);
    if (!r.ok()) {
      throw new NonRetriableException("Unknown ref '" + ref + "' in repository " + repository);
    }
    return r.out().strip();
  }

  private Path changeFile(ChangeKey key) {
    return gitDir.resolve("sre-agent").resolve("changes").resolve(key.value() + ".md");
  }

  private Path reportFile(ChangeKey key) {
    return gitDir.resolve("sre-agent").resolve("reports").resolve(key.value() + ".md");
  }

  @Override
  public Optional<ChangeRef> find(ChangeKey key) {
    try {
      Optional<Map<String, String>> change = ChangeFiles.readFrontMatter(changeFile(key));
      if (change.isPresent()) {
        Map<String, String> f = change.get();
        return Optional.of(new ChangeRef(key, ChangeRef.Kind.CHANGE, key.value(), changeFile(key).toUri().toString(),
            f.getOrDefault("branch", BRANCH_PREFIX + key.value()), f.getOrDefault("commit", ""), false));
      }
      if (Files.isRegularFile(reportFile(key))) {
        return Optional.of(new ChangeRef(key, ChangeRef.Kind.REPORT, key.value(), reportFile(key).toUri().toString(), "", "", false));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new RetriableException("Cannot read the change files of key " + key + " in " + gitDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public ChangeRef openChange(ChangeRequest request) {
    synchronized (lock) {
      ChangeKey key = request.key();
      Path md = changeFile(key);
      if (Files.isRegularFile(md)) {
        return find(key).orElseThrow();
      }
      String branch = BRANCH_PREFIX + key.value();
      String ref = "refs/heads/" + branch;
      String base = resolve(baseBranch);
      String commit = existingCommit(ref);
      if (commit == null) {
        String created = commit(base, request);
        GitRunner.Result r = git.call(List.of("update-ref", "-m", "sre-agent: open change " + key, ref, created, ""), Map.of(), null);
        commit = r.ok() ? created : existingCommit(ref);
        if (commit == null) {
          throw new NonRetriableException("Cannot create branch " + branch + " in " + repository + ": " + r.stderr().strip());
        }
      } else {
        LOG.info("Branch {} exists already; completing change {} with its commit", branch, key);
      }
      Map<String, String> front = new LinkedHashMap<>();
      front.put("key", key.value());
      front.put("title", ChangeFiles.quote(request.title()));
      front.put("draft", "true");
      front.put("labels", ChangeFiles.quote(request.labels()));
      front.put("branch", branch);
      front.put("base", baseBranch);
      front.put("commit", commit);
      front.put("created", clock.instant().toString());
      try {
        ChangeFiles.write(md, front, request.body());
      } catch (IOException e) {
        throw new RetriableException("Cannot write the pull request file " + md + ": " + e.getMessage(), e);
      }
      LOG.info("Opened local draft change {} on branch {} ({})", key, branch, md);
      return new ChangeRef(key, ChangeRef.Kind.CHANGE, key.value(), md.toUri().toString(), branch, commit, true);
    }
  }

  private @Nullable String existingCommit(String ref) {
    GitRunner.Result r = git.call(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"), Map.of(), null);
    return r.ok() ? r.out().strip() : null;
  }

  private String commit(String base, ChangeRequest request) {
    Path index = gitDir.resolve("sre-agent").resolve("tmp").resolve("index-" + UUID.randomUUID());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GIT_INDEX_FILE", index.toString());
    String date = "@" + clock.instant().getEpochSecond() + " +0000";
    env.put("GIT_AUTHOR_NAME", AUTHOR_NAME);
    env.put("GIT_AUTHOR_EMAIL", AUTHOR_EMAIL);
    env.put("GIT_AUTHOR_DATE", date);
    env.put("GIT_COMMITTER_NAME", AUTHOR_NAME);
    env.put("GIT_COMMITTER_EMAIL", AUTHOR_EMAIL);
    env.put("GIT_COMMITTER_DATE", date);
    try {
      Files.createDirectories(index.getParent());
      git.run(List.of("read-tree", base), env, null);
      for (FileChange f : request.files()) {
        String blob = git.run(List.of("hash-object", "-w", "--stdin"), env, f.content().getBytes(StandardCharsets.UTF_8)).out().strip();
        git.run(List.of("update-index", "--add", "--cacheinfo", modeOf(base, f.path()) + "," + blob + "," + f.path()), env, null);
      }
      String tree = git.run(List.of("write-tree"), env, null).out().strip();
      String message = request.title() + "\n\nDraft change " + request.key() + " proposed by sre-agent; requires human review.\n";
      return git.run(List.of("commit-tree", tree, "-p", base, "-F", "-"), env, message.getBytes(StandardCharsets.UTF_8)).out().strip();
    } catch (IOException e) {
      throw new RetriableException("Cannot create a temporary index in " + index.getParent() + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(index);
        Files.deleteIfExists(Path.of(index + ".lock"));
      } catch (IOException e) {
        LOG.debug("Could not delete temporary index {}", index, e);
      }
    }
  }

  private String modeOf(String base, String path) {
    String entry = git.run(List.of("ls-tree", "-z", base, "--", path), Map.of(), null).out();
    return entry.startsWith("100755 ") ? "100755" : "100644";
  }

  @Override
  public ChangeRef openReport(ReportRequest request) {
    synchronized (lock) {
      ChangeKey key = request.key();
      Path md = reportFile(key);
      String url = md.toUri().toString();
      if (Files.isRegularFile(md)) {
        return new ChangeRef(key, ChangeRef.Kind.REPORT, key.value(), url, "", "", false);
      }
      Map<String, String> front = new LinkedHashMap<>();
      front.put("key", key.value());
      front.put("title", ChangeFiles.quote(request.title()));
      front.put("labels", ChangeFiles.quote(request.labels()));
      front.put("created", clock.instant().toString());
      try {
        ChangeFiles.write(md, front, request.body());
      } catch (IOException e) {
        throw new RetriableException("Cannot write the report file " + md + ": " + e.getMessage(), e);
      }
      return new ChangeRef(key, ChangeRef.Kind.REPORT, key.value(), url, "", "", true);
    }
  }

  @Override
  public void comment(ChangeRef ref, String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    synchronized (lock) {
      Path md = ref.kind() == ChangeRef.Kind.CHANGE ? changeFile(ref.key()) : reportFile(ref.key());
      if (!Files.isRegularFile(md)) {
        throw new NonRetriableException("No " + (ref.kind() == ChangeRef.Kind.CHANGE ? "change" : "report") + " with key "
            + ref.key() + " in " + gitDir.resolve("sre-agent") + ": open it before commenting");
      }
      try {
        ChangeFiles.append(md, "\n---\n\n**Comment** (" + clock.instant() + "):\n\n" + markdown + (markdown.endsWith("\n") ? "" : "\n"));
      } catch (IOException e) {
        throw new RetriableException("Cannot append a comment to " + md + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "LocalGitCodeHost[" + repository + ", base=" + baseBranch + "]";
  }
}
