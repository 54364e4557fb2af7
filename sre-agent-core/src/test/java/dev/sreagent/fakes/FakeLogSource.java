package dev.sreagent.fakes;

import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.LogSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test fake of {@link LogSource}: a fixed list of events; the cursor is the index of the next event. */
public final class FakeLogSource implements LogSource {
  private final List<LogEvent> events = new ArrayList<>();
  public volatile int polls;

  public synchronized FakeLogSource add(LogEvent e) {
    events.add(e);
    return this;
  }

  @Override
  public synchronized LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
    polls++;
    int from = cursor.isStart() ? 0 : Integer.parseInt(cursor.value());
    int to = Math.min(events.size(), from + maxEvents);
    return new LogBatch(events.subList(from, to), new LogCursor(String.valueOf(to)));
  }

  @Override
  public void close() {}
}
