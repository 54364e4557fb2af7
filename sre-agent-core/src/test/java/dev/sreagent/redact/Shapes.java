package dev.sreagent.redact;

import dev.sreagent.redact.SyntheticSecrets.Shape;

/** TEST FIXTURE. The surroundings a value is embedded in. */
final class Shapes {
  private Shapes() {}

  static String wrap(Shape shape, String fragment) {
    return switch (shape) {
      case KEY_VALUE -> "ts=2026-11-26T10:00:00.123Z level=error msg=\"upstream call failed\" value=" + fragment + " attempt=3";
      case JSON -> "{\"ts\":\"2026-11-26T10:00:00.123Z\",\"level\":\"ERROR\",\"detail\":\"" + fragment + "\",\"attempt\":3}";
      case URL -> "GET https://api.example.com/v1/items?q=" + fragment + "&page=2 HTTP/1.1 503";
      case HEADER -> "X-Debug-Context: " + fragment;
      case FREE_TEXT -> "2026-11-26 10:00:00,123 ERROR [main] c.e.OrderService - request failed while using " + fragment
          + " for tenant 42";
    };
  }
}
