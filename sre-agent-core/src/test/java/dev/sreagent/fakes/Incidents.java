package dev.sreagent.fakes;

import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test fixtures: incidents and log events. */
public final class Incidents {
  public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private Incidents() {}

  public static LogEvent event(String id, String message) {
    return new LogEvent(id, T0, Severity.ERROR, "orders", message, null, Map.of());
  }

  public static Incident of(String fingerprint, String title, String... messages) {
    List<LogEvent> samples = new java.util.ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      samples.add(event("e" + i, messages[i]));
    }
    return new Incident(fingerprint, Incident.Kind.STACK_TRACE, title, List.of("java.lang.NullPointerException"),
        Incident.Trigger.NEW_GROUP, Severity.ERROR, 70, T0, T0.plusSeconds(60), messages.length, List.of("orders"), samples);
  }

  /** The Java trace the fixture repository's bug produces. */
  public static final String NPE_TRACE = """
      java.lang.NullPointerException: Cannot invoke "String.trim()" because "name" is null
      \tat com.acme.orders.OrderService.normalize(OrderService.java:7)
      \tat com.acme.orders.OrderService.place(OrderService.java:3)
      \tat java.base/java.lang.Thread.run(Thread.java:1583)""";

  /** The buggy file of the fixture repository. */
  public static final String ORDER_SERVICE = """
      package com.acme.orders;
      public class OrderService {
        public String place(String name) { return normalize(name); }

        String normalize(String name) {
          // customer names arrive untrimmed
          return name.trim();
        }
      }
      """;

  public static final String ORDER_SERVICE_PATH = "src/main/java/com/acme/orders/OrderService.java";

  public static FakeCodeHost repository() {
    return new FakeCodeHost()
        .file(ORDER_SERVICE_PATH, ORDER_SERVICE)
        .file("src/test/java/com/acme/orders/OrderServiceTest.java", "class OrderServiceTest {}\n")
        .file("pom.xml", "<project/>\n")
        .file(".github/workflows/ci.yml", "on: push\n");
  }

  public static final String TRIAGE_OK =
      "{\"actionable\":true,\"category\":\"CODE_DEFECT\",\"summary\":\"NPE in OrderService.normalize for null names\",\"confidence\":0.9}";
  public static final String ANALYSIS_OK = "{\"rootCause\":\"OrderService.normalize calls trim() on a null name\","
      + "\"suspectFiles\":[\"" + ORDER_SERVICE_PATH + "\"],\"fixableInCode\":true,\"confidence\":0.85}";

  public static String remediation(String path, String search, String replace, double confidence) {
    return "{\"summary\":\"Treat a null customer name as empty\",\"edits\":[{\"path\":" + json(path) + ",\"search\":" + json(search)
        + ",\"replace\":" + json(replace) + "}],\"confidence\":" + confidence + ",\"testSuggestion\":\"call place(null)\"}";
  }

  public static final String REMEDIATION_OK = remediation(ORDER_SERVICE_PATH, "    return name.trim();",
      "    return name == null ? \"\" : name.trim();", 0.9);

  public static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
