package dev.sreagent.benchmarks.redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Benchmark corpora, synthesized at run time from a seed (nothing is stored in the repository). Secret
 * values are random strings of the right prefix, alphabet and length; none is real.
 */
final class Corpora {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ALNUM = UPPER + LOWER + DIGITS;
  private static final String HEX = "0123456789abcdef";
  private static final String B64URL = ALNUM + "-_";

  private Corpora() {}

  private static String pick(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String ts(Random r) {
    return String.format("2026-11-26T%02d:%02d:%02d.%03dZ", r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
  }

  private static final String[] SERVICES = {"checkout", "orders", "payments", "inventory", "gateway", "search"};
  private static final String[] LEVELS = {"INFO", "WARN", "ERROR", "DEBUG"};

  /** Lines like a Java service's logs, with ids, hashes, durations, versions, URLs and frames, and no secret or PII. */
  static List<String> clean(int n, long seed) {
    Random r = new Random(seed);
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String svc = SERVICES[r.nextInt(SERVICES.length)];
      String lvl = LEVELS[r.nextInt(LEVELS.length)];
      String line = switch (r.nextInt(10)) {
        case 0 -> ts(r) + " " + lvl + " [http-nio-8080-exec-" + r.nextInt(200) + "] c.e." + svc + ".OrderController - GET /api/v1/orders/"
            + r.nextInt(1_000_000) + "?page=" + r.nextInt(20) + "&sort=desc completed 200 in " + r.nextInt(900) + "ms";
        case 1 -> "\tat com.example." + svc + ".service.OrderService.place(OrderService.java:" + r.nextInt(900) + ")";
        case 2 -> ts(r) + " " + lvl + " request_id=" + UUID.nameUUIDFromBytes(pick(r, ALNUM, 8).getBytes(StandardCharsets.UTF_8))
            + " trace_id=" + pick(r, HEX, 32) + " span_id=" + pick(r, HEX, 16) + " status=" + (200 + r.nextInt(304)) + " duration="
            + r.nextInt(5000) + "ms";
        case 3 -> "{\"ts\":\"" + ts(r) + "\",\"level\":\"" + lvl + "\",\"logger\":\"com.example." + svc
            + ".Repository\",\"message\":\"query took " + r.nextInt(3000) + "ms, rows=" + r.nextInt(500) + "\",\"thread\":\"pool-"
            + r.nextInt(9) + "-thread-" + r.nextInt(40) + "\"}";
        case 4 -> ts(r) + " " + lvl + " pod " + svc + "-" + pick(r, "bcdfghjklmnpqrstvwxz2456789", 10) + "-"
            + pick(r, "bcdfghjklmnpqrstvwxz2456789", 5) + " container app restarted, reason=OOMKilled, exitCode=137, restarts=" + r.nextInt(9);
        case 5 -> "Caused by: java.lang.IllegalStateException: Connection pool exhausted after 30000ms (max=20, active=20, idle=0, waiting="
            + r.nextInt(90) + ")";
        case 6 -> ts(r) + " " + lvl + " deployed " + svc + " v" + r.nextInt(5) + "." + r.nextInt(30) + "." + r.nextInt(100) + " commit "
            + pick(r, HEX, 40) + " image sha256:" + pick(r, HEX, 64);
        case 7 -> ts(r) + " " + lvl + " Retrying call to https://" + svc + ".internal.example/v2/items/" + r.nextInt(100000)
            + " after PT" + r.nextInt(60) + "S (attempt " + r.nextInt(5) + "/5), circuit=half-open, p99=" + r.nextInt(999) + "." + r.nextInt(99) + "ms";
        case 8 -> ts(r) + " " + lvl + " Kafka consumer group " + svc + "-consumers rebalanced: partitions=" + r.nextInt(64)
            + ", lag=" + r.nextInt(100000) + ", offset=" + r.nextInt(Integer.MAX_VALUE);
        default -> ts(r) + " " + lvl + " GC pause (G1 Evacuation Pause) young " + r.nextInt(2000) + "M->" + r.nextInt(800) + "M("
            + r.nextInt(4096) + "M) " + r.nextInt(100) + "." + r.nextInt(999) + "ms";
      };
      lines.add(line);
    }
    return lines;
  }

  /** Clean lines, each carrying one secret or piece of personal data. */
  static List<String> withSecrets(int n, long seed) {
    Random r = new Random(seed);
    List<String> base = clean(n, seed + 1);
    List<String> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String secret = switch (r.nextInt(12)) {
        case 0 -> "access key " + "AK" + "IA" + pick(r, UPPER + "234567", 16);
        case 1 -> "token=" + "gh" + "p_" + pick(r, ALNUM, 36);
        case 2 -> "Authorization: Bearer " + pick(r, B64URL, 40);
        case 3 -> "user " + pick(r, LOWER, 7) + "@" + pick(r, LOWER, 6) + ".example.com";
        case 4 -> "client " + (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        case 5 -> "password=" + pick(r, ALNUM + "!$%", 14);
        case 6 -> "jwt " + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
            + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + pick(r, ALNUM, 10) + "\"}").getBytes(StandardCharsets.UTF_8))
            + "." + pick(r, B64URL, 43);
        case 7 -> "slack " + "xo" + "xb-" + pick(r, DIGITS, 12) + "-" + pick(r, DIGITS, 13) + "-" + pick(r, ALNUM, 24);
        case 8 -> "db postgres://app:" + pick(r, ALNUM, 16) + "@db.internal.example:5432/orders";
        case 9 -> "card 4" + pick(r, DIGITS, 15);
        case 10 -> "phone +44 20 " + pick(r, DIGITS, 4) + " " + pick(r, DIGITS, 4);
        default -> "sas " + "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=" + pick(r, ALNUM, 43) + "%3D";
      };
      String b = base.get(i);
      lines.add(b + " " + secret);
    }
    return lines;
  }

  /** Every line of {@code dir/∗/∗.log} (the LogHub 2k samples), read at run time; empty when the folder is absent. */
  static List<String> loghub(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> sub = Files.list(dir)) {
      for (Path d : sub.sorted().toList()) {
        if (!Files.isDirectory(d)) {
          continue;
        }
        try (Stream<Path> files = Files.list(d)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  static long bytes(List<String> lines) {
    long n = 0;
    for (String l : lines) {
      n += l.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return n;
  }
}
