package dev.sreagent.benchmarks.redaction;

import dev.sreagent.redact.DefaultRedactor;
import dev.sreagent.redact.RedactionSession;
import dev.sreagent.redact.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Redaction throughput on one thread. One operation redacts a whole corpus in a fresh session;
 * {@code bytes} (an auxiliary counter) reports the UTF-8 bytes processed, so its rate is bytes/s.
 * {@code prefiltered} is the shipped redactor; {@code everyRule} is the baseline that runs every rule on
 * every line (same rules, same result, prefilter off), measured in the same run.
 *
 * <p>Corpora: {@code clean} (synthetic service logs without secrets), {@code secrets} (the same kind of
 * lines, each with one secret or piece of personal data), {@code loghub} (the LogHub 2k samples read
 * from {@code -Dloghub.dir}, default {@code /work/shared/loghub-2k}; real logs with IPs and host names).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class RedactionBenchmark {
  @Param({"clean", "secrets", "loghub"})
  public String corpus;

  private List<String> lines;
  private long bytes;
  private Redactor prefiltered;
  private Redactor everyRule;

  /** Builds the corpus and both redactors. */
  @Setup(Level.Trial)
  public void setUp() {
    lines = switch (corpus) {
      case "clean" -> Corpora.clean(20_000, 1);
      case "secrets" -> Corpora.withSecrets(20_000, 2);
      case "loghub" -> Corpora.loghub(Path.of(System.getProperty("loghub.dir", "/work/shared/loghub-2k")));
      default -> throw new IllegalArgumentException(corpus);
    };
    if (lines.isEmpty()) {
      throw new IllegalStateException("corpus " + corpus + " is empty (set -Dloghub.dir to the LogHub 2k folder)");
    }
    bytes = Corpora.bytes(lines);
    prefiltered = DefaultRedactor.create();
    everyRule = DefaultRedactor.builder().prefilter(false).build();
    System.out.printf("%n[corpus %s: %d lines, %d bytes]%n", corpus, lines.size(), bytes);
  }

  /** Bytes processed, as an auxiliary rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    /** UTF-8 bytes redacted. */
    public long bytes;
  }

  private void run(Redactor redactor, Bytes counter, Blackhole bh) {
    RedactionSession session = redactor.newSession();
    for (String line : lines) {
      bh.consume(session.redact(line));
    }
    counter.bytes += bytes;
  }

  /** The shipped redactor. */
  @Benchmark
  public void prefiltered(Bytes counter, Blackhole bh) {
    run(prefiltered, counter, bh);
  }

  /** Baseline: every rule on every line. */
  @Benchmark
  public void everyRule(Bytes counter, Blackhole bh) {
    run(everyRule, counter, bh);
  }
}
