package dev.sreagent.benchmarks.grouping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One labelled Loghub data set read from {@code <Name>/<Name>_2k.log_structured.csv}: the {@code Content}
 * column (the message) and the {@code EventId} column (the truth). Read at run time; never copied.
 *
 * @param name the data set's name (its folder)
 * @param messages the messages, in file order
 * @param truth the ground-truth event id of each message
 */
public record LoghubDataset(String name, List<String> messages, List<String> truth) {
  /** Validates and copies. */
  public LoghubDataset {
    Objects.requireNonNull(name, "name");
    messages = List.copyOf(messages);
    truth = List.copyOf(truth);
    if (messages.size() != truth.size()) {
      throw new IllegalArgumentException("messages and truth differ in size");
    }
  }

  /**
   * @param root a folder laid out like loghub-2k
   * @return every data set in it, sorted by name
   */
  public static List<LoghubDataset> readAll(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("No folder " + root.toAbsolutePath().normalize()
          + ": pass the folder laid out like ../shared/loghub-2k as the first argument");
    }
    List<LoghubDataset> all = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Path csv = dir.resolve(dir.getFileName() + "_2k.log_structured.csv");
        if (Files.isRegularFile(csv)) {
          all.add(read(dir.getFileName().toString(), csv));
        }
      }
    }
    if (all.isEmpty()) {
      throw new IOException("No <Name>/<Name>_2k.log_structured.csv under " + root.toAbsolutePath()
          + ": pass the folder laid out like ../shared/loghub-2k");
    }
    return all;
  }

  /** Reads one structured CSV (RFC 4180: quoted fields may hold commas, doubled quotes and newlines). */
  static LoghubDataset read(String name, Path csv) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader r = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(csv), decoder))) {
      List<List<String>> rows = Csv.parse(r);
      if (rows.isEmpty()) {
        throw new IOException(csv + " is empty");
      }
      List<String> header = rows.get(0);
      int content = header.indexOf("Content");
      int event = header.indexOf("EventId");
      if (content < 0 || event < 0) {
        throw new IOException(csv + " has no Content or EventId column: " + header);
      }
      List<String> messages = new ArrayList<>();
      List<String> truth = new ArrayList<>();
      for (int i = 1; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue; // blank line
        }
        if (row.size() != header.size()) {
          throw new IOException(csv + " row " + i + " has " + row.size() + " fields, header has " + header.size());
        }
        messages.add(row.get(content));
        truth.add(row.get(event));
      }
      return new LoghubDataset(name, messages, truth);
    }
  }
}
