package dev.sreagent.benchmarks.grouping;

import dev.sreagent.detect.IncidentDetector;
import dev.sreagent.grouping.Grouper;
import dev.sreagent.grouping.LogNormalizer;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A storm of {@code events} (default 10 million) from three root causes (three Java stack traces whose messages,
 * line numbers and lambda/proxy names vary), spread evenly over {@code minutes} (default 59) of event time,
 * through normalize → group → detect with the default settings (cooldown 30 minutes). Expected: 3 incidents
 * in each cooldown period, so 6 over 59 minutes. Prints the incidents, the rate, the heap retained by the
 * detector (measured after a full GC with and without it) and the process's peak heap; run it with {@code
 * -Xmx64m} to show the whole path fits in 64 MiB.
 *
 * <p>Usage: {@code StormBenchmark [events] [minutes]}.
 */
public final class StormBenchmark {
  private StormBenchmark() {}

  /** @param args number of events, minutes of event time */
  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long minutes = args.length > 1 ? Long.parseLong(args[1]) : 59;
    LogNormalizer normalizer = LogNormalizer.create();
    Grouper grouper = Grouper.create();
    IncidentDetector detector = IncidentDetector.builder().build();
    long before = usedAfterGc();
    long t0 = 1_700_000_000_000L;
    double step = Duration.ofMinutes(minutes).toMillis() / (double) n;
    List<Incident> incidents = new ArrayList<>();
    long start = System.nanoTime();
    for (long i = 0; i < n; i++) {
      int cause = (int) (i % 3);
      LogEvent e = normalizer.normalize(event(cause, i, Instant.ofEpochMilli(t0 + (long) (i * step))));
      detector.offer(e, grouper.group(e)).ifPresent(incidents::add);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    long withDetector = usedAfterGc();
    long detectorGroups = detector.liveGroups();
    detector = null;
    long without = usedAfterGc();
    System.out.printf(Locale.ROOT, "Storm: %,d events from 3 root causes over %d minutes of event time (cooldown %s)%n",
        n, minutes, "30m");
    for (Incident inc : incidents) {
      System.out.printf(Locale.ROOT, "  incident %s %-14s at +%5.1f min  count %,d  %s%n", inc.fingerprint(), inc.trigger(),
          (inc.lastSeen().toEpochMilli() - t0) / 60000.0, inc.count(), inc.title());
    }
    System.out.printf(Locale.ROOT, "incidents: %d (expected %d: 3 per cooldown period)%n", incidents.size(),
        3 * (1 + (minutes - 1) / 30));
    System.out.printf(Locale.ROOT, "rate: %,.0f events/s on one thread (%.1f s)%n", n / secs, secs);
    System.out.printf(Locale.ROOT, "detector groups: %d, heap retained by the detector: %d KiB%n", detectorGroups,
        Math.max(0, withDetector - without) >> 10);
    System.out.printf(Locale.ROOT, "heap used after the storm (whole process, after GC): %d KiB; peak heap: %d MiB; max heap: %d MiB%n",
        withDetector >> 10, ThroughputBenchmark.peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** @return a few thousand storm events (for throughput runs that cycle through them) */
  static LogEvent[] stormEvents() {
    LogEvent[] out = new LogEvent[3000];
    for (int i = 0; i < out.length; i++) {
      out[i] = event(i % 3, i, Instant.ofEpochMilli(1_700_000_000_000L + i));
    }
    return out;
  }

  static LogEvent event(int cause, long i, Instant at) {
    String message = switch (cause) {
      case 0 -> "Failed to place order " + (100000 + i % 9973) + "\n"
          + "java.lang.IllegalStateException: Order " + (100000 + i % 9973) + " has no items\n"
          + "\tat com.example.shop.OrderService.place(OrderService.java:" + (80 + i % 7) + ")\n"
          + "\tat com.example.shop.OrderController.lambda$create$" + (i % 4) + "(OrderController.java:41)\n"
          + "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)\n"
          + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n";
      case 1 -> "Payment call failed\n"
          + "com.example.pay.PaymentException: charge " + Long.toHexString(0x5f3a0000L + i) + " declined\n"
          + "\tat com.example.pay.PaymentClient.charge(PaymentClient.java:57)\n"
          + "\tat com.example.pay.PaymentClient$$EnhancerBySpringCGLIB$$" + Long.toHexString(i % 97) + ".charge(<generated>)\n"
          + "\tat com.example.shop.Checkout.pay(Checkout.java:" + (30 + i % 5) + ")\n"
          + "Caused by: java.net.SocketTimeoutException: Read timed out after " + (i % 5000) + " ms\n"
          + "\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:168)\n"
          + "\tat com.example.pay.HttpTransport.send(HttpTransport.java:112)\n"
          + "\t... 2 more\n";
      default -> "Unhandled error in job " + (i % 313) + "\n"
          + "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null\n"
          + "\tat com.example.jobs.NameNormalizer.normalize(NameNormalizer.java:19)\n"
          + "\tat com.example.jobs.ImportJob$1.run(ImportJob.java:" + (60 + i % 3) + ")\n"
          + "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n";
    };
    return new LogEvent("s" + i, at, Severity.ERROR, "svc-" + (i % 4), message, null, Map.of());
  }
}
