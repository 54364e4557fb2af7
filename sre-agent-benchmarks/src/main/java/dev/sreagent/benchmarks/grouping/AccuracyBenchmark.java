package dev.sreagent.benchmarks.grouping;

import dev.sreagent.grouping.TemplateMiner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the grouping accuracy of the default {@link TemplateMiner} on every data set of a folder laid out
 * like Loghub 2k, and the mean. One fresh miner per data set, default configuration, messages in file
 * order; the group of a message is the id the miner returned when it saw it (streaming, never revised).
 *
 * <p>Usage: {@code AccuracyBenchmark [folder] [--verbose]} (default {@code ../shared/loghub-2k}).
 */
public final class AccuracyBenchmark {
  private AccuracyBenchmark() {}

  /**
   * @param args the folder, optionally {@code --verbose} to print the wrong groups
   */
  public static void main(String[] args) throws Exception {
    Path root = Path.of("../shared/loghub-2k");
    boolean verbose = false;
    for (String a : args) {
      if (a.equals("--verbose")) {
        verbose = true;
      } else {
        root = Path.of(a);
      }
    }
    List<LoghubDataset> sets = LoghubDataset.readAll(root);
    System.out.printf(Locale.ROOT, "Grouping accuracy, default TemplateMiner, data: %s%n", root.toAbsolutePath().normalize());
    System.out.printf(Locale.ROOT, "%-12s %8s %8s %10s %10s%n", "dataset", "lines", "GA", "templates", "truth");
    double sum = 0;
    double min = 1;
    for (LoghubDataset d : sets) {
      TemplateMiner miner = TemplateMiner.create();
      List<String> predicted = new ArrayList<>(d.messages().size());
      for (String m : d.messages()) {
        predicted.add(Long.toString(miner.mine(m).id()));
      }
      double ga = GroupingAccuracy.of(predicted, d.truth());
      sum += ga;
      min = Math.min(min, ga);
      System.out.printf(Locale.ROOT, "%-12s %8d %8.4f %10d %10d%n", d.name(), d.messages().size(), ga, miner.size(),
          d.truth().stream().distinct().count());
      if (verbose) {
        Diagnosis.print(d, predicted, miner);
      }
    }
    System.out.printf(Locale.ROOT, "%-12s %8s %8.4f%n", "mean", "", sum / sets.size());
    System.out.printf(Locale.ROOT, "%-12s %8s %8.4f%n", "min", "", min);
  }
}
