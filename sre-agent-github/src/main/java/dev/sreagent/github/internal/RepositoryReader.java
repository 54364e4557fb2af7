package dev.sreagent.github.internal;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.FileContent;
import dev.sreagent.spi.RepositoryPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;

/**
 * Reads files and path listings through the Git data API: a ref resolves to a commit, the commit's tree
 * is fetched once ({@code GET git/trees/{sha}?recursive=1}, walked level by level when GitHub truncates
 * it) and cached by commit id — a commit never changes — and a file is read as a blob. Thread safe.
 */
public final class RepositoryReader {
  private static final int CACHED_TREES = 32;

  private final int maxFileBytes;
  private final Map<String, Tree> trees = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Tree> eldest) {
      return size() > CACHED_TREES;
    }
  });

  /** @param maxFileBytes the largest file returned */
  public RepositoryReader(int maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /** One file of a tree. */
  public record Entry(String path, String mode, String sha, long size) {}

  /** The files of one commit, by path. */
  public record Tree(String commit, String treeSha, Map<String, Entry> files) {}

  /**
   * @param repo the repository
   * @param ref a branch, tag or commit id; empty for the default branch
   * @return the commit id it points at (not checked to exist when given as a 40-character id)
   */
  public String resolve(GHRepository repo, Optional<String> ref) throws IOException {
    String r = ref.filter(s -> !s.isBlank()).orElse(repo.getDefaultBranch());
    if (!r.matches("[A-Za-z0-9._/+-]{1,255}") || r.contains("..") || r.startsWith("/") || r.startsWith("-")
        || r.endsWith("/") || r.contains("//")) {
      throw new IllegalArgumentException("not a branch, tag or commit id: " + r);
    }
    if (r.matches("[0-9a-f]{40}")) {
      return r;
    }
    try {
      return repo.getRef("heads/" + r).getObject().getSha();
    } catch (IOException e) {
      if (!GitHubErrors.isNotFound(e)) {
        throw e;
      }
    }
    GHRef tag;
    try {
      tag = repo.getRef("tags/" + r);
    } catch (IOException e) {
      if (GitHubErrors.isNotFound(e)) {
        throw new NonRetriableException("No branch or tag named '" + r + "' in " + repo.getFullName()
            + ": give a branch, a tag or a 40-character commit id", e);
      }
      throw e;
    }
    return "tag".equals(tag.getObject().getType())
        ? repo.getTagObject(tag.getObject().getSha()).getObject().getSha()
        : tag.getObject().getSha();
  }

  /** @return the tree of {@code commit}, from the cache when it was read before */
  public Tree tree(GHRepository repo, String commit) throws IOException {
    Tree cached = trees.get(commit);
    if (cached != null) {
      return cached;
    }
    String treeSha = repo.getCommit(commit).getCommitShortInfo().getTreeSHA1();
    Map<String, Entry> files = new TreeMap<>();
    GHTree root = repo.getTreeRecursive(treeSha, 1);
    if (!root.isTruncated()) {
      addBlobs(files, "", root.getTree());
    } else {
      walk(repo, root, files);
    }
    Tree tree = new Tree(commit, treeSha, Collections.unmodifiableMap(files));
    trees.put(commit, tree);
    return tree;
  }

  private static void walk(GHRepository repo, GHTree root, Map<String, Entry> files) throws IOException {
    Deque<Map.Entry<String, String>> pending = new ArrayDeque<>();
    pending.add(Map.entry("", root.getSha()));
    while (!pending.isEmpty()) {
      Map.Entry<String, String> dir = pending.poll();
      GHTree level = repo.getTree(dir.getValue());
      addBlobs(files, dir.getKey(), level.getTree());
      for (GHTreeEntry e : level.getTree()) {
        if ("tree".equals(e.getType())) {
          pending.add(Map.entry(dir.getKey() + e.getPath() + "/", e.getSha()));
        }
      }
    }
  }

  private static void addBlobs(Map<String, Entry> files, String prefix, List<GHTreeEntry> entries) {
    for (GHTreeEntry e : entries) {
      if ("blob".equals(e.getType())) {
        String path = prefix + e.getPath();
        files.put(path, new Entry(path, e.getMode(), e.getSha(), e.getSize()));
      }
    }
  }

  /** @return every file path at {@code commit}, sorted */
  public List<String> paths(GHRepository repo, String commit) throws IOException {
    return List.copyOf(tree(repo, commit).files().keySet());
  }

  /**
   * @return the file at {@code path} in {@code commit}, or empty when there is none (or it is a link or submodule)
   * @throws NonRetriableException when the file is larger than the configured maximum
   */
  public Optional<FileContent> read(GHRepository repo, String commit, String path) throws IOException {
    RepositoryPaths.requireSafe(path);
    @Nullable Entry e = tree(repo, commit).files().get(path);
    if (e == null || e.mode().equals("120000")) {
      return Optional.empty();
    }
    if (e.size() > maxFileBytes) {
      throw new NonRetriableException("File " + path + " at " + commit + " is " + e.size() + " bytes, more than "
          + "sre-agent.github.max-file-bytes (" + maxFileBytes + "): raise the limit to read it");
    }
    try (InputStream in = repo.getBlob(e.sha()).read()) {
      byte[] bytes = in.readNBytes(maxFileBytes + 1);
      if (bytes.length > maxFileBytes) {
        throw new NonRetriableException("File " + path + " at " + commit + " is more than sre-agent.github.max-file-bytes ("
            + maxFileBytes + ") bytes: raise the limit to read it");
      }
      return Optional.of(new FileContent(path, commit, new String(bytes, StandardCharsets.UTF_8)));
    }
  }
}
