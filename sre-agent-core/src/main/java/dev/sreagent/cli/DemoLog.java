package dev.sreagent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the demo's log file (JSON lines) from {@code examples/demo-service/logs/app.log.template}: each
 * template row is repeated its count of times, shuffled into one stream over ten minutes, with
 * {@code ${…}} placeholders filled by synthetic values generated here (seeded, so every run is the same).
 * Nothing secret-looking is committed to the repository.
 */
final class DemoLog {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final Random random;

  DemoLog(long seed) {
    this.random = new Random(seed);
  }

  record Row(int count, String severity, String service, String message) {}

  /** @return the number of lines written */
  int write(Path template, Path out, Instant start) throws IOException {
    List<Row> rows = parse(Files.readAllLines(template, StandardCharsets.UTF_8));
    List<Row> stream = new ArrayList<>();
    for (Row r : rows) {
      for (int i = 0; i < r.count(); i++) {
        stream.add(r);
      }
    }
    Collections.shuffle(stream, random);
    ObjectMapper json = new ObjectMapper();
    long step = Duration.ofMinutes(10).toMillis() / Math.max(1, stream.size());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (int i = 0; i < stream.size(); i++) {
        Row r = stream.get(i);
        ObjectNode line = json.createObjectNode();
        line.put("timestamp", start.plusMillis(i * step).toString());
        line.put("severity", r.severity());
        line.put("service", r.service());
        line.put("message", fill(r.message()));
        line.put("traceId", hex(32));
        w.write(json.writeValueAsString(line));
        w.newLine();
      }
    }
    return stream.size();
  }

  static List<Row> parse(List<String> lines) {
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length != 4) {
        throw new IllegalArgumentException("demo log template line needs 4 tab-separated fields: " + line);
      }
      rows.add(new Row(Integer.parseInt(f[0]), f[1], f[2], unescape(f[3])));
    }
    return rows;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private String fill(String message) {
    Matcher m = PLACEHOLDER.matcher(message);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(value(m.group(1))));
    }
    m.appendTail(b);
    return b.toString();
  }

  /** Synthetic values of the right shape, made up here; none is a real credential or person. */
  private String value(String kind) {
    return switch (kind) {
      case "ORDER" -> "o-" + (1000 + random.nextInt(9000));
      case "MS" -> Integer.toString(5 + random.nextInt(1500));
      case "TOINDEX" -> Integer.toString(30 + 10 * random.nextInt(3));
      case "EMAIL" -> "user" + random.nextInt(10_000) + "@example.com";
      case "IP" -> "203.0.113." + (1 + random.nextInt(254)); // TEST-NET-3 documentation range, text only
      case "CARD" -> luhnCard();
      case "GITHUB_TOKEN" -> "ghp_" + pick(ALNUM, 36);
      case "AWS_KEY" -> "AKIA" + pick(UPPER_ALNUM, 16);
      case "PASSWORD" -> pick(ALNUM, 20);
      default -> throw new IllegalArgumentException("unknown demo placeholder ${" + kind + "}");
    };
  }

  private String pick(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private String hex(int n) {
    return pick("0123456789abcdef", n);
  }

  /** A 16-digit number starting with 4 whose Luhn check digit is right, formatted in groups of four. */
  private String luhnCard() {
    int[] d = new int[16];
    d[0] = 4;
    for (int i = 1; i < 15; i++) {
      d[i] = random.nextInt(10);
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      int v = d[i];
      if (i % 2 == 0) { // positions that are doubled once the check digit is appended
        v *= 2;
        if (v > 9) {
          v -= 9;
        }
      }
      sum += v;
    }
    d[15] = (10 - sum % 10) % 10;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append(' ');
      }
      b.append(d[i]);
    }
    return b.toString();
  }
}
