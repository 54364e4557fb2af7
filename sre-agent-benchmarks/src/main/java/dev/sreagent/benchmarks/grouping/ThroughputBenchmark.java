package dev.sreagent.benchmarks.grouping;

import dev.sreagent.detect.IncidentDetector;
import dev.sreagent.grouping.Group;
import dev.sreagent.grouping.Grouper;
import dev.sreagent.grouping.LogNormalizer;
import dev.sreagent.grouping.TemplateMiner;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single-thread throughput on the Loghub messages of a folder, repeated to {@code lines} (default 10 million):
 *
 * <ol>
 *   <li>baseline: one pass over each message's characters (the floor any grouping must pay);
 *   <li>template mining alone, one message at a time ({@link TemplateMiner#mine}) and in batches of {@value
 *       #BATCH} ({@link TemplateMiner#mineAll}, as the agent groups each poll);
 *   <li>the full path normalize → group → detect ({@link LogNormalizer}, {@link Grouper}, {@link IncidentDetector}),
 *       one event at a time and in batches of {@value #BATCH};
 *   <li>a storm of one million copies of three Java stack traces through the full path.
 * </ol>
 *
 * <p>Each measurement follows a warm-up of one million lines. Prints lines per second, the ratio to the
 * baseline, and the peak heap of the process. Usage: {@code ThroughputBenchmark [folder] [lines]}.
 */
public final class ThroughputBenchmark {
  /** Events per batch: the agent's default {@code sre-agent.poll.max-events}. */
  static final int BATCH = 500;

  private ThroughputBenchmark() {}

  /** @param args folder (default ../shared/loghub-2k), number of lines (default 10000000) */
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/loghub-2k");
    long lines = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
    List<LoghubDataset> sets = LoghubDataset.readAll(root);
    List<String> messages = new ArrayList<>();
    List<LogEvent> events = new ArrayList<>();
    for (LoghubDataset d : sets) {
      for (String m : d.messages()) {
        events.add(new LogEvent("e" + events.size(), Instant.EPOCH, Severity.ERROR, d.name(), m, null, Map.of()));
        messages.add(m);
      }
    }
    String[] msg = messages.toArray(new String[0]);
    LogEvent[] ev = events.toArray(new LogEvent[0]);
    System.out.printf(Locale.ROOT, "Throughput, one thread, %d distinct Loghub messages from %s repeated to %,d lines%n",
        msg.length, root.toAbsolutePath().normalize(), lines);
    System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

    scan(msg, 1_000_000);
    double base = rate(lines, () -> scan(msg, lines));
    System.out.println("rates by thread CPU time; [wall-clock rate] in brackets");
    System.out.printf(Locale.ROOT, "%-38s %,14.0f lines/s  [%,.0f]%n", "baseline (one pass over the chars)", base, lastWall);

    mine(msg, 1_000_000);
    double mining = rate(lines, () -> mine(msg, lines));
    System.out.printf(Locale.ROOT, "%-38s %,14.0f lines/s  [%,.0f]  (%.2f of baseline)%n", "template mining", mining,
        lastWall, mining / base);

    mineBatches(msg, 1_000_000);
    double miningBatches = rate(lines, () -> mineBatches(msg, lines));
    System.out.printf(Locale.ROOT, "%-38s %,14.0f lines/s  [%,.0f]  (%.2f of baseline)%n", "template mining, batches of " + BATCH,
        miningBatches, lastWall, miningBatches / base);

    full(ev, 1_000_000);
    double fullRate = rate(lines, () -> full(ev, lines));
    System.out.printf(Locale.ROOT, "%-38s %,14.0f events/s [%,.0f]  (%.2f of baseline)%n", "normalize -> group -> detect",
        fullRate, lastWall, fullRate / base);

    fullBatches(ev, 1_000_000);
    double fullBatchRate = rate(lines, () -> fullBatches(ev, lines));
    System.out.printf(Locale.ROOT, "%-38s %,14.0f events/s [%,.0f]  (%.2f of baseline)%n", "the same, batches of " + BATCH,
        fullBatchRate, lastWall, fullBatchRate / base);

    LogEvent[] storm = StormBenchmark.stormEvents();
    fullStorm(storm, 200_000);
    double stormRate = rate(1_000_000, () -> fullStorm(storm, 1_000_000));
    System.out.printf(Locale.ROOT, "%-38s %,14.0f events/s [%,.0f]%n", "stack-trace storm, full path", stormRate, lastWall);
    System.out.printf(Locale.ROOT, "peak heap of the process: %d MiB%n", peakHeap() >> 20);
  }

  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private interface Run {
    long run();
  }

  private static long sink;

  /** Lines per second by the thread's CPU time (the machine is shared: wall time also counts other processes). */
  private static double rate(long n, Run r) {
    var threads = ManagementFactory.getThreadMXBean();
    long w0 = System.nanoTime();
    long c0 = threads.getCurrentThreadCpuTime();
    sink += r.run();
    long c1 = threads.getCurrentThreadCpuTime();
    long w1 = System.nanoTime();
    lastWall = n / ((w1 - w0) / 1e9);
    return n / ((c1 - c0) / 1e9);
  }

  private static double lastWall;

  static long scan(String[] msg, long lines) {
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      String m = msg[(int) (i % msg.length)];
      for (int k = 0; k < m.length(); k++) {
        acc += m.charAt(k);
      }
    }
    return acc;
  }

  static long mine(String[] msg, long lines) {
    TemplateMiner miner = TemplateMiner.create();
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      acc += miner.mine(msg[(int) (i % msg.length)]).id();
    }
    return acc;
  }

  static long mineBatches(String[] msg, long lines) {
    TemplateMiner miner = TemplateMiner.create();
    List<String> batch = new ArrayList<>(BATCH);
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      batch.add(msg[(int) (i % msg.length)]);
      if (batch.size() == BATCH || i == lines - 1) {
        for (var t : miner.mineAll(batch)) {
          acc += t.id();
        }
        batch.clear();
      }
    }
    return acc;
  }

  static long fullBatches(LogEvent[] ev, long lines) {
    LogNormalizer normalizer = LogNormalizer.create();
    Grouper grouper = Grouper.create();
    IncidentDetector detector = IncidentDetector.builder().build();
    List<LogEvent> batch = new ArrayList<>(BATCH);
    List<String> messages = new ArrayList<>(BATCH);
    long t0 = 1_700_000_000_000L;
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      LogEvent src = ev[(int) (i % ev.length)];
      LogEvent e = normalizer.normalize(new LogEvent(src.id(), Instant.ofEpochMilli(t0 + i / 1000), src.severity(),
          src.service(), src.message(), null, src.attributes()));
      batch.add(e);
      messages.add(e.message());
      if (batch.size() == BATCH || i == lines - 1) {
        List<Group> groups = grouper.groupAll(messages);
        for (int k = 0; k < batch.size(); k++) {
          if (detector.offer(batch.get(k), groups.get(k)).isPresent()) {
            acc++;
          }
        }
        batch.clear();
        messages.clear();
      }
    }
    return acc;
  }

  static long full(LogEvent[] ev, long lines) {
    LogNormalizer normalizer = LogNormalizer.create();
    Grouper grouper = Grouper.create();
    IncidentDetector detector = IncidentDetector.builder().build();
    long t0 = 1_700_000_000_000L;
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      LogEvent src = ev[(int) (i % ev.length)];
      LogEvent e = normalizer.normalize(new LogEvent(src.id(), Instant.ofEpochMilli(t0 + i / 1000), src.severity(),
          src.service(), src.message(), null, src.attributes()));
      Group g = grouper.group(e);
      if (detector.offer(e, g).isPresent()) {
        acc++;
      }
    }
    return acc;
  }

  static long fullStorm(LogEvent[] storm, long lines) {
    LogNormalizer normalizer = LogNormalizer.create();
    Grouper grouper = Grouper.create();
    IncidentDetector detector = IncidentDetector.builder().build();
    long acc = 0;
    for (long i = 0; i < lines; i++) {
      LogEvent e = normalizer.normalize(storm[(int) (i % storm.length)]);
      if (detector.offer(e, grouper.group(e)).isPresent()) {
        acc++;
      }
    }
    return acc;
  }
}
