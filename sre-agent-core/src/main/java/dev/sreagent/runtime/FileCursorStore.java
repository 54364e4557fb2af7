package dev.sreagent.runtime;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.LogCursor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the cursor in one file, written to a temporary file in the same folder, forced to disk and moved
 * atomically over the old one: a crash leaves either the old or the new cursor, never a torn file.
 * The default store: {@code sre-agent.cursor-file}, default {@code .sre-agent/cursor}. Thread safe.
 */
public final class FileCursorStore implements CursorStore {
  private final Path file;

  private FileCursorStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** @return a store at {@code file}; its folder is created on first save */
  public static FileCursorStore at(Path file) {
    return new FileCursorStore(file.toAbsolutePath());
  }

  @Override
  public synchronized Optional<LogCursor> load() {
    try {
      return Optional.of(new LogCursor(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new NonRetriableException("Cannot read the cursor file " + file + ": " + e.getMessage()
          + ". Fix its permissions, or delete it to start from sre-agent's configured starting point", e);
    }
  }

  @Override
  public synchronized void save(LogCursor cursor) {
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(StandardCharsets.UTF_8.encode(cursor.value()));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new NonRetriableException("Cannot write the cursor file " + file + ": " + e.getMessage()
          + ". Make its folder writable or set sre-agent.cursor-file to a writable path", e);
    }
  }

  @Override
  public String toString() {
    return "FileCursorStore[" + file + "]";
  }
}
