package dev.sreagent.benchmarks.grouping;

import dev.sreagent.grouping.MinedTemplate;
import dev.sreagent.grouping.TemplateMiner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prints the groups that make GA lose: truth ids split over several groups, and groups mixing ids. */
final class Diagnosis {
  private Diagnosis() {}

  static void print(LoghubDataset d, List<String> predicted, TemplateMiner miner) {
    Map<String, String> text = new LinkedHashMap<>();
    for (MinedTemplate t : miner.templates()) {
      text.put(Long.toString(t.id()), t.text());
    }
    Map<String, Map<String, Integer>> byTruth = new TreeMap<>();
    Map<String, Map<String, Integer>> byPred = new TreeMap<>();
    Map<String, String> example = new LinkedHashMap<>();
    for (int i = 0; i < predicted.size(); i++) {
      byTruth.computeIfAbsent(d.truth().get(i), k -> new TreeMap<>()).merge(predicted.get(i), 1, Integer::sum);
      byPred.computeIfAbsent(predicted.get(i), k -> new TreeMap<>()).merge(d.truth().get(i), 1, Integer::sum);
      example.putIfAbsent(d.truth().get(i) + "/" + predicted.get(i), d.messages().get(i));
    }
    List<String> lines = new ArrayList<>();
    for (var e : byTruth.entrySet()) {
      if (e.getValue().size() > 1) {
        lines.add("  SPLIT " + e.getKey() + " -> " + e.getValue());
        for (String p : e.getValue().keySet()) {
          lines.add("      " + p + ": " + text.get(p) + "   e.g. " + example.get(e.getKey() + "/" + p));
        }
      }
    }
    for (var e : byPred.entrySet()) {
      if (e.getValue().size() > 1) {
        lines.add("  MIXED " + e.getKey() + " [" + text.get(e.getKey()) + "] <- " + e.getValue());
        for (String t : e.getValue().keySet()) {
          lines.add("      " + t + " e.g. " + example.get(t + "/" + e.getKey()));
        }
      }
    }
    lines.forEach(System.out::println);
  }
}
