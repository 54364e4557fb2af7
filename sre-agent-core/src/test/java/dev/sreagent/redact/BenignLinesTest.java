package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ids, hashes, versions, frames and URLs without credentials: the model needs them, so they survive byte for byte. */
class BenignLinesTest {
  private static final Redactor REDACTOR = DefaultRedactor.create();

  static List<String> lines() {
    SyntheticSecrets g = new SyntheticSecrets(42);
    List<String> l = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID u = UUID.nameUUIDFromBytes(g.pick(SyntheticSecrets.ALNUM, 12).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String trace = g.pick(SyntheticSecrets.HEX, 32);
      String span = g.pick(SyntheticSecrets.HEX, 16);
      l.add("request_id=" + UUID.nameUUIDFromBytes(g.pick(SyntheticSecrets.ALNUM, 8).getBytes()) + " status=500 duration=" + g.between(1, 9999) + "ms");
      l.add("{\"traceId\":\"" + trace + "\",\"spanId\":\"" + span + "\",\"uuid\":\"" + u + "\"}");
      l.add("traceparent: 00-" + trace + "-" + span + "-01");
      l.add("X-Request-Id: " + UUID.nameUUIDFromBytes(trace.getBytes()).toString().toUpperCase());
      l.add("commit " + g.pick(SyntheticSecrets.HEX, 40) + " (tag: v1." + i + ".0) deployed");
      l.add("image sha256:" + g.pick(SyntheticSecrets.HEX, 64) + " pulled in 2.5s");
      l.add("md5=" + g.pick(SyntheticSecrets.HEX, 32) + " etag=\"" + g.pick(SyntheticSecrets.HEX, 32) + "\"");
      l.add("pod checkout-" + g.pick("bcdfghjklmnpqrstvwxz2456789", 10) + "-" + g.pick("bcdfghjklmnpqrstvwxz2456789", 5) + " restarted (OOMKilled)");
      l.add("trace_id=" + trace + " span_id=" + span + " sampled=true");
      l.add("order " + g.digits(9) + " shipped; customer 100" + g.digits(4) + ", basket of " + g.between(1, 40) + " items");
    }
    l.addAll(List.of(
        "\tat com.example.orders.OrderService.place(OrderService.java:128)",
        "\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)",
        "Caused by: java.lang.IllegalStateException: Pool exhausted after 30000ms (max=20, active=20, idle=0)",
        "Exception in thread \"pool-3-thread-7\" java.util.ConcurrentModificationException",
        "\t... 42 more",
        "java.lang.Object@1b6d3586 was not released",
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'",
        "GET https://api.example.com/v1/orders/12345?page=2&sort=desc&limit=50 200 37ms",
        "POST http://localhost:8080/internal/health -> 503 Service Unavailable",
        "fetching https://repo.maven.apache.org/maven2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.pom",
        "connecting to jdbc:postgresql://db.internal.example:5432/orders?sslmode=require",
        "listening on 0.0.0.0:8080 and [::]:8080, loopback 127.0.0.1 and ::1",
        "2026-11-26T10:00:00.123Z INFO  started in 4.217 seconds (JVM running for 5.1)",
        "2026-11-26 10:00:00,123 WARN  retry 3/5 after PT30S",
        "Thu Nov 26 21:59:33 UTC 2026 elapsed=1.234s timeout=30s backoff=250ms",
        "epoch_ms=1764151200000 epoch_ns=1764151200000000000 unix=1764151200",
        "versions: java 17.0.15+6, netty 4.1.137.Final, jackson 2.21.8, app v2.3.1, build 10.0.19041.1",
        "timezone +0000, offset -05:00, ratio 0.75, p99=123.45ms",
        "mac 00:1a:2b:3c:4d:5e on eth0 mtu 1500",
        "Key not found: user:42:profile",
        "cache key=user:42:profile miss",
        "token_count=1234 max_tokens=1024 tokens_per_second=87.5",
        "nextPageToken=CiAKGjBpNDd2Nmp2Zml2cXRuanE2bzB0bW9xMBgB",
        "password reset requested for account 100423; password=${DB_PASSWORD} from template",
        "Password: ******** (masked)",
        "Bearer token expired, refreshing",
        "Basic auth failed for realm 'admin'",
        "secretName=db-credentials secretArn=arn:aws:secretsmanager:us-east-1:123456789012:secret:db",
        "arn:aws:lambda:eu-west-1:123456789012:function:checkout-handler",
        "projects/my-project-123/locations/us-central1/services/checkout",
        "user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0",
        "HTTP/1.1 429 Too Many Requests Retry-After: 120",
        "bytes=1048576 chunks=16 crc32=3c4f9a1b",
        "Thread-12 grouped 12 events into fp1:3f2a9c4d1e0b7a6c",
        "sql: SELECT * FROM orders WHERE id = 42 AND status = 'FAILED' LIMIT 100",
        "GB pound exchange DE market TLS13 SHA256 HTTP2 ISO8601",
        "phase 3 of 4: 12-34 done, range 100-200-300",
        "auth=enabled authMethod=oidc keySize=2048 keyAlgorithm=RSA"));
    return l;
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("lines")
  void survivesUnchanged(String line) {
    RedactionSession session = REDACTOR.newSession();
    assertThat(session.redact(line)).isEqualTo(line);
    assertThat(session.counts()).isEmpty();
  }
}
