package dev.sreagent.benchmarks.grouping;

import dev.sreagent.grouping.MinedTemplate;
import dev.sreagent.grouping.TemplateMiner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the grouping accuracy of the default {@link TemplateMiner} on every data set of a folder laid out
 * like Loghub 2k, and the mean. One fresh miner per data set, default configuration, messages in file
 * order, fed in batches ({@link TemplateMiner#mineAll(List)}) as the agent feeds each poll and the {@code
 * group} command feeds what it has read; the group of a message is the one the miner returned for its
 * batch (never revised later).
 *
 * <p>Usage: {@code AccuracyBenchmark [folder] [--batch N] [--verbose]} (defaults {@code ../shared/loghub-2k}
 * and batches of {@value #DEFAULT_BATCH}, the {@code group} command's largest batch). {@code --batch 1} is
 * pure streaming: each message is grouped from the messages before it only.
 */
public final class AccuracyBenchmark {
  /** Messages per batch unless {@code --batch} says otherwise: the {@code group} command's default. */
  static final int DEFAULT_BATCH = 1000;

  private AccuracyBenchmark() {}

  /**
   * @param args the folder, optionally {@code --batch N} and {@code --verbose} (prints the wrong groups)
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of("../shared/loghub-2k");
    boolean verbose = false;
    int batch = DEFAULT_BATCH;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--verbose")) {
        verbose = true;
      } else if (args[i].equals("--batch") && i + 1 < args.length) {
        batch = Integer.parseInt(args[++i]);
        if (batch < 1) {
          throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
      } else {
        root = Path.of(args[i]);
      }
    }
    List<LoghubDataset> sets = LoghubDataset.readAll(root);
    System.out.printf(Locale.ROOT, "Grouping accuracy, default TemplateMiner, batches of %d message(s), data: %s%n", batch,
        root.toAbsolutePath().normalize());
    System.out.printf(Locale.ROOT, "%-12s %8s %8s %10s %10s%n", "dataset", "lines", "GA", "groups", "truth");
    double sum = 0;
    double min = 1;
    for (LoghubDataset d : sets) {
      TemplateMiner miner = TemplateMiner.create();
      List<String> predicted = new ArrayList<>(d.messages().size());
      List<String> messages = d.messages();
      for (int from = 0; from < messages.size(); from += batch) {
        for (MinedTemplate t : miner.mineAll(messages.subList(from, Math.min(messages.size(), from + batch)))) {
          predicted.add(Long.toString(t.id()));
        }
      }
      double ga = GroupingAccuracy.of(predicted, d.truth());
      sum += ga;
      min = Math.min(min, ga);
      System.out.printf(Locale.ROOT, "%-12s %8d %8.4f %10d %10d%n", d.name(), d.messages().size(), ga,
          predicted.stream().distinct().count(), d.truth().stream().distinct().count());
      if (verbose) {
        Diagnosis.print(d, predicted, miner);
      }
    }
    System.out.printf(Locale.ROOT, "%-12s %8s %8.4f%n", "mean", "", sum / sets.size());
    System.out.printf(Locale.ROOT, "%-12s %8s %8.4f%n", "min", "", min);
  }
}
