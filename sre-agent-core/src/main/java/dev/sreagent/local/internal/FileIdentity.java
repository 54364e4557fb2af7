package dev.sreagent.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Identifies a file across renames, so a cursor can tell "the same file, grown" from "a new file at the
 * same path" (rotation, or delete and re-create, which may reuse the inode). The token combines the file
 * system's file key (device and inode on Linux and macOS) — or, where there is none (Windows), the
 * creation time — with a hash of the file's first line (at most {@value #FIRST_BYTES} bytes). The first
 * line never changes once written, so the token is stable for the life of the file; the number of bytes
 * hashed is part of the token so the same bytes are hashed again later.
 *
 * <p>Tokens are {@code [a-z0-9-]+}: {@code k<key hash>-<n>-<first-bytes hash>} or
 * {@code c<creation millis>-<n>-<first-bytes hash>}. A file without a complete first line (and shorter
 * than {@value #FIRST_BYTES} bytes) has no identity yet.
 */
public final class FileIdentity {
  private static final int FIRST_BYTES = 64;

  private FileIdentity() {}

  /** @return the token of the file at {@code path}; empty when it does not exist or has no complete first line yet */
  public static Optional<String> of(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return Optional.empty();
      }
      byte[] first = firstBytes(path, FIRST_BYTES);
      int n = firstLineLength(first);
      if (n < 0) {
        return Optional.empty();
      }
      return Optional.of(prefix(a) + "-" + n + "-" + hash(Arrays.copyOf(first, n), 12));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** @return true when {@code token} identifies the file now at {@code path} */
  public static boolean matches(String token, Path path) {
    int last = token.lastIndexOf('-');
    int middle = last < 0 ? -1 : token.lastIndexOf('-', last - 1);
    if (middle <= 0) {
      return false;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      int n = Integer.parseInt(token.substring(middle + 1, last));
      if (!a.isRegularFile() || !prefix(a).equals(token.substring(0, middle)) || a.size() < n) {
        return false;
      }
      return hash(firstBytes(path, n), 12).equals(token.substring(last + 1));
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static int firstLineLength(byte[] first) {
    for (int i = 0; i < first.length; i++) {
      if (first[i] == '\n') {
        return i + 1;
      }
    }
    return first.length == FIRST_BYTES ? FIRST_BYTES : -1;
  }

  private static String prefix(BasicFileAttributes a) {
    Object key = a.fileKey();
    return key != null ? "k" + hash(key.toString().getBytes(StandardCharsets.UTF_8), 16) : "c" + a.creationTime().toMillis();
  }

  private static byte[] firstBytes(Path path, int n) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(n);
    }
  }

  private static String hash(byte[] bytes, int hexChars) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
