package dev.sreagent.aws.internal;

import dev.sreagent.config.ConfigReader;
import java.util.List;
import java.util.Set;

/**
 * Every configuration key of the AWS module, so a typo under {@code sre-agent.aws.} is reported with the
 * closest known key instead of being ignored. docs/providers/aws.md documents each.
 */
public final class AwsKeys {
  /** The prefix of every AWS key. */
  public static final String PREFIX = "sre-agent.aws.";

  /** Every key the module reads, without the prefix. */
  public static final Set<String> KNOWN = Set.of(
      "region", "api-call-timeout", "connect-timeout",
      "retry.max-attempts", "retry.base-delay", "retry.throttling-base-delay", "retry.max-backoff",
      "logs.endpoint", "logs.read-timeout", "logs.log-groups", "logs.log-group-prefix", "logs.filter-pattern",
      "logs.start-look-back", "logs.lag", "logs.poll-interval", "logs.log-group-refresh",
      "sqs.endpoint", "sqs.read-timeout", "sqs.queue-name-prefix", "sqs.fifo", "sqs.visibility-timeout",
      "secrets.endpoint", "secrets.read-timeout", "secrets.version-stage", "secrets.cache-ttl",
      "bedrock.endpoint", "bedrock.read-timeout", "bedrock.model-id");

  private AwsKeys() {}

  /** Records one problem per key under {@value #PREFIX} that the module does not know, naming the closest known key. */
  public static void rejectUnknown(ConfigReader r) {
    for (String key : r.config().keysWithPrefix(PREFIX)) {
      String rest = key.substring(PREFIX.length());
      if (!KNOWN.contains(rest)) {
        r.check(false, "Unknown configuration key " + key + ": did you mean " + PREFIX + closest(rest)
            + "? (every key is listed in docs/providers/aws.md)");
      }
    }
  }

  static String closest(String key) {
    String best = "";
    int bestDistance = Integer.MAX_VALUE;
    for (String k : List.copyOf(new java.util.TreeSet<>(KNOWN))) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
