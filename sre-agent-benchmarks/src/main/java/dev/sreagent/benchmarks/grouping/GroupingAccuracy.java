package dev.sreagent.benchmarks.grouping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grouping accuracy (GA) as defined by the logparser benchmark (Zhu et al., ICSE-SEIP 2019): a message is
 * grouped correctly when the set of messages in its predicted group is exactly the set of messages that
 * share its ground-truth id. GA is the fraction of messages grouped correctly.
 */
public final class GroupingAccuracy {
  private GroupingAccuracy() {}

  /**
   * @param predicted predicted group of each message
   * @param truth ground-truth group of each message
   * @return GA in [0, 1]
   */
  public static double of(List<String> predicted, List<String> truth) {
    if (predicted.size() != truth.size()) {
      throw new IllegalArgumentException("sizes differ: " + predicted.size() + " vs " + truth.size());
    }
    if (truth.isEmpty()) {
      return 1.0;
    }
    Map<String, Integer> truthSize = new HashMap<>();
    for (String t : truth) {
      truthSize.merge(t, 1, Integer::sum);
    }
    Map<String, Integer> predSize = new HashMap<>();
    Map<String, String> predTruth = new HashMap<>(); // predicted group -> its single truth id, or null marker
    final String mixed = "\u0000mixed";
    for (int i = 0; i < predicted.size(); i++) {
      String p = predicted.get(i);
      predSize.merge(p, 1, Integer::sum);
      String t = truth.get(i);
      String seen = predTruth.putIfAbsent(p, t);
      if (seen != null && !seen.equals(t)) {
        predTruth.put(p, mixed);
      }
    }
    long correct = 0;
    for (Map.Entry<String, Integer> e : predSize.entrySet()) {
      String t = predTruth.get(e.getKey());
      if (!mixed.equals(t) && truthSize.get(t).equals(e.getValue())) {
        correct += e.getValue();
      }
    }
    return (double) correct / truth.size();
  }
}
