package dev.sreagent.spi;

/** Checks for repository-relative paths shared by every {@link CodeHost}. */
public final class RepositoryPaths {
  private RepositoryPaths() {}

  /**
   * @param path a repository-relative path
   * @return the path
   * @throws IllegalArgumentException when it is empty, absolute, uses {@code \}, or has a {@code .}, {@code ..} or empty segment
   */
  public static String requireSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.indexOf('\0') >= 0
        || path.matches("^[A-Za-z]:.*")) {
      throw new IllegalArgumentException("not a safe repository-relative path: " + path);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("not a safe repository-relative path: " + path);
      }
    }
    return path;
  }
}
