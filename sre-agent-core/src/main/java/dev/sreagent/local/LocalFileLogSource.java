package dev.sreagent.local;

import dev.sreagent.RetriableException;
import dev.sreagent.local.internal.EventBuilder;
import dev.sreagent.local.internal.EventLines;
import dev.sreagent.local.internal.FileIdentity;
import dev.sreagent.local.internal.FilePosition;
import dev.sreagent.local.internal.LineGrouper;
import dev.sreagent.local.internal.LineReader;
import dev.sreagent.local.internal.RawLine;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.LogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails a local log file of JSON lines or plain text ({@link LogFormat}).
 *
 * <p><b>Cursor.</b> The file's identity ({@link FileIdentity}: inode — or creation time where there is
 * none — plus a hash of the first line, so a re-created file with a reused inode is told apart) and the byte offset of the next unread line. A restart with a checkpointed cursor resumes
 * at exactly that byte. {@link LogCursor#START} is the start of the file. When the file at the path is no
 * longer the one the cursor names (it was rotated: {@code app.log} renamed to {@code app.log.1} and a new
 * {@code app.log} created), the source finishes the old file (found among the siblings whose name starts
 * with the file's name) and then continues with the new one from byte 0. A file that shrank under the
 * same identity (copy-truncate rotation) is read again from byte 0.
 *
 * <p><b>Lines.</b> A last line without its newline is not consumed (the writer is still writing it).
 * Invalid UTF-8 is replaced; a line longer than the limit is cut with a marker; a line that is not valid
 * JSON in {@code json} mode is kept as text with a {@code log.parse-error} attribute. Nothing in a file
 * can make {@link #poll} fail.
 *
 * <p><b>Text events.</b> Stack traces are joined to their first line ({@link LineGrouper}). Because a
 * stack trace may still be being written, the last text event of a file is handed out only once the file
 * has not changed for the linger time, or when a following line starts a new event. JSON events are
 * handed out at once.
 *
 * <p>Event ids are {@code <file identity>:<byte offset>}. Thread safe (it holds no state between polls
 * but its configuration).
 */
public final class LocalFileLogSource implements LogSource {
  private static final Logger LOG = LoggerFactory.getLogger(LocalFileLogSource.class);
  private static final long BYTE_BUDGET = 16L << 20;
  private static final long IDLE_CHECK_MILLIS = 50;

  private final Path file;
  private final LogFormat format;
  private final int maxLineBytes;
  private final Duration linger;
  private final String service;
  private final Clock clock;

  private LocalFileLogSource(Builder b) {
    this.file = b.file.toAbsolutePath().normalize();
    this.format = b.format;
    this.maxLineBytes = b.maxLineBytes;
    this.linger = b.linger;
    this.service = b.service != null ? b.service : defaultService(file);
    this.clock = b.clock;
  }

  /** @param file the log file to tail (it may not exist yet) */
  public static Builder builder(Path file) {
    return new Builder(file);
  }

  private static String defaultService(Path file) {
    String name = Objects.requireNonNullElse(file.getFileName(), file).toString();
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  @Override
  public LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1: " + maxEvents);
    }
    FilePosition from = cursor.isStart() ? null : FilePosition.parse(cursor);
    long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
    while (true) {
      LogBatch batch = pollOnce(cursor, from, maxEvents);
      long left = deadline - System.nanoTime();
      if (!batch.events().isEmpty() || left <= 0) {
        return batch;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(IDLE_CHECK_MILLIS, left / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return batch;
      }
    }
  }

  private LogBatch pollOnce(LogCursor cursor, @Nullable FilePosition from, int maxEvents) {
    try {
      if (from == null) {
        Optional<String> id = FileIdentity.of(file);
        return id.isEmpty() ? new LogBatch(List.of(), cursor) : read(file, id.get(), 0, maxEvents, false);
      }
      if (FileIdentity.matches(from.identity(), file)) {
        if (Files.size(file) < from.offset()) {
          LOG.warn("Log file {} shrank below the cursor's offset (copy-truncate rotation?): reading it again from the start", file);
          return read(file, from.identity(), 0, maxEvents, false);
        }
        return read(file, from.identity(), from.offset(), maxEvents, false);
      }
      Optional<Path> rotated = findRotated(from.identity());
      if (rotated.isPresent()) {
        LogBatch rest = read(rotated.get(), from.identity(), from.offset(), maxEvents, true);
        if (!rest.events().isEmpty()) {
          return rest;
        }
      }
      Optional<String> id = FileIdentity.of(file);
      if (id.isEmpty()) {
        return new LogBatch(List.of(), cursor);
      }
      if (rotated.isPresent()) {
        LOG.info("Finished rotated log file {}; continuing with {}", rotated.get(), file);
      } else {
        LOG.warn("Log file {} was replaced and the file the cursor points into was not found next to it; "
            + "continuing with the new file from its start", file);
      }
      return read(file, id.get(), 0, maxEvents, false);
    } catch (NoSuchFileException e) {
      return new LogBatch(List.of(), cursor);
    } catch (IOException e) {
      throw new RetriableException("Cannot read log file " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private LogBatch read(Path path, String identity, long offset, int maxEvents, boolean finished) throws IOException {
    LineReader reader = new LineReader(maxLineBytes);
    LineGrouper grouper = new LineGrouper(format);
    // read a few lines per wanted event, more only when they do not hold maxEvents + 1 event starts
    int lineLimit = Math.max(64, maxEvents * 4);
    List<RawLine> lines;
    List<EventLines> groups;
    while (true) {
      lines = reader.read(path, offset, BYTE_BUDGET, lineLimit, finished);
      groups = grouper.group(lines);
      if (lines.size() < lineLimit || groups.size() > maxEvents || lineLimit >= (1 << 22)) {
        break;
      }
      lineLimit *= 4;
    }
    boolean reachedEnd = lines.size() < lineLimit && (lines.isEmpty() || lines.get(lines.size() - 1).end() >= Files.size(path));
    int usable = Math.min(groups.size(), maxEvents);
    if (usable == groups.size() && usable > 0) {
      EventLines last = groups.get(usable - 1);
      boolean complete = last.json() != null || last.jsonError() != null || (reachedEnd && (finished || quietFor(path)));
      if (!complete) {
        usable--;
      }
    }
    EventBuilder builder = new EventBuilder(service, Map.of("log.file", String.valueOf(path.getFileName())), clock.instant());
    List<LogEvent> events = new ArrayList<>(usable);
    long next = offset;
    for (int i = 0; i < usable; i++) {
      EventLines g = groups.get(i);
      events.add(builder.build(identity + ":" + g.start(), g));
      next = g.end();
    }
    return new LogBatch(events, new FilePosition(identity, next).toCursor());
  }

  private boolean quietFor(Path path) throws IOException {
    Instant modified = Files.getLastModifiedTime(path).toInstant();
    return !clock.instant().isBefore(modified.plus(linger));
  }

  private Optional<Path> findRotated(String identity) throws IOException {
    Path dir = file.getParent();
    String name = String.valueOf(file.getFileName());
    if (dir == null) {
      return Optional.empty();
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      return siblings
          .filter(p -> !p.equals(file) && String.valueOf(p.getFileName()).startsWith(name))
          .filter(p -> FileIdentity.matches(identity, p))
          .findFirst();
    }
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "LocalFileLogSource[" + file + ", format=" + format.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }

  /** Builds a {@link LocalFileLogSource}. */
  public static final class Builder {
    private final Path file;
    private LogFormat format = LogFormat.AUTO;
    private int maxLineBytes = 64 * 1024;
    private Duration linger = Duration.ofSeconds(2);
    private @Nullable String service;
    private Clock clock = Clock.systemUTC();

    private Builder(Path file) {
      this.file = Objects.requireNonNull(file, "file");
    }

    /** How lines are read (default {@link LogFormat#AUTO}). */
    public Builder format(LogFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Bytes kept of one line; the rest is cut with a marker (default 64 KiB). */
    public Builder maxLineBytes(int bytes) {
      if (bytes < 16) {
        throw new IllegalArgumentException("maxLineBytes must be at least 16: " + bytes);
      }
      this.maxLineBytes = bytes;
      return this;
    }

    /** How long the file must be quiet before its last text event is handed out (default 2s). */
    public Builder linger(Duration linger) {
      this.linger = Objects.requireNonNull(linger, "linger");
      return this;
    }

    /** The service of events that do not name one (default: the file name up to its first dot). */
    public Builder service(String service) {
      this.service = Objects.requireNonNull(service, "service");
      return this;
    }

    /** Time source for the linger and for events without a timestamp. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return the source */
    public LocalFileLogSource build() {
      return new LocalFileLogSource(this);
    }
  }
}
