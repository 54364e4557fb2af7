package dev.sreagent.local;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Secrets as files in a directory, one secret per file, the way Kubernetes mounts a Secret volume
 * ({@code /var/run/secrets/app/github-token}): the secret named {@code github-token} is the content of
 * that file, with one trailing newline ({@code \n} or {@code \r\n}) removed. Files are read on every
 * {@link #get}, so a rotated secret (Kubernetes swaps the {@code ..data} link) is seen at once.
 *
 * <p>Names are 1–253 characters of {@code [A-Za-z0-9._-]} not starting with {@code .}; anything else
 * (a {@code /}, {@code ..}) is refused before touching the file system, and the resolved file must lie
 * inside the directory after following links. Thread safe.
 */
public final class DirectorySecretStore implements SecretStore {
  private final Path directory;

  private DirectorySecretStore(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /** @param directory the mounted secrets directory */
  public static DirectorySecretStore of(Path directory) {
    return new DirectorySecretStore(directory);
  }

  @Override
  public Secret get(String name) {
    requireValidName(name);
    Path file = directory.resolve(name);
    byte[] bytes;
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(directory.toRealPath())) {
        throw new NonRetriableException("Secret '" + name + "' resolves outside " + directory + ": refused");
      }
      if (!Files.isRegularFile(real)) {
        throw new NonRetriableException("Secret '" + name + "' is not a file in " + directory);
      }
      bytes = Files.readAllBytes(real);
    } catch (NoSuchFileException e) {
      throw new NonRetriableException("Secret '" + name + "' not found: there is no file " + name + " in " + directory
          + " (mount the secret there or fix sre-agent.local.secrets-dir)", e);
    } catch (IOException e) {
      throw new RetriableException("Cannot read secret '" + name + "' from " + directory + ": " + e.getClass().getSimpleName(), e);
    }
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\n') {
      end--;
      if (end > 0 && bytes[end - 1] == '\r') {
        end--;
      }
    }
    byte[] value = Arrays.copyOf(bytes, end);
    Arrays.fill(bytes, (byte) 0);
    Secret s = Secret.ofBytes(name, "", value);
    Arrays.fill(value, (byte) 0);
    return s;
  }

  static void requireValidName(String name) {
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,252}")) {
      throw new NonRetriableException("Invalid secret name '" + sanitize(name)
          + "': use 1-253 characters of A-Z, a-z, 0-9, '.', '_', '-', not starting with '.'");
    }
  }

  private static String sanitize(String name) {
    String s = name.replaceAll("[^\\x20-\\x7e]", "?");
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** @return the directory */
  public Path directory() {
    return directory;
  }

  @Override
  public String toString() {
    return "DirectorySecretStore[" + directory + "]";
  }
}
