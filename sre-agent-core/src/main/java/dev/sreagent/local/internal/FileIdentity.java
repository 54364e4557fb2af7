package dev.sreagent.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Identifies a file across renames, so a cursor can tell "the same file, grown" from "a new file at the
 * same path" (rotation). The token is derived from the file system's file key (device and inode on
 * Linux and macOS); where the file system has none (Windows), from the creation time and a hash of the
 * first bytes, whose count is part of the token so the same bytes are hashed again later.
 *
 * <p>Tokens are {@code [a-z0-9-]+}: {@code k<hash>} or {@code c<millis>-<n>-<hash>}.
 */
public final class FileIdentity {
  private static final int FIRST_BYTES = 64;

  private FileIdentity() {}

  /** @return the token of the file at {@code path}, empty when it does not exist */
  public static Optional<String> of(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return Optional.empty();
      }
      Object key = a.fileKey();
      if (key != null) {
        return Optional.of("k" + hash(key.toString().getBytes(StandardCharsets.UTF_8), 16));
      }
      int n = (int) Math.min(FIRST_BYTES, a.size());
      return Optional.of("c" + a.creationTime().toMillis() + "-" + n + "-" + hash(firstBytes(path, n), 12));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** @return true when {@code token} identifies the file now at {@code path} */
  public static boolean matches(String token, Path path) {
    if (token.startsWith("k")) {
      return of(path).map(token::equals).orElse(false);
    }
    String[] parts = token.substring(1).split("-", 3);
    if (parts.length != 3) {
      return false;
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      int n = Integer.parseInt(parts[1]);
      return a.isRegularFile() && a.size() >= n && Long.toString(a.creationTime().toMillis()).equals(parts[0])
          && hash(firstBytes(path, n), 12).equals(parts[2]);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
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
