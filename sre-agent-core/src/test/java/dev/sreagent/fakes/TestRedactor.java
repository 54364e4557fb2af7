package dev.sreagent.fakes;

import dev.sreagent.redact.RedactionSession;
import dev.sreagent.redact.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test stand-in for the real redactor: replaces e-mail addresses and values after {@code password=} with
 * numbered placeholders ({@code <email:1>}), stable within a session, and counts them.
 */
public final class TestRedactor implements Redactor {
  private static final Map<String, Pattern> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("email", Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+"));
    KINDS.put("password", Pattern.compile("(?<=password=)[^\\s&]+"));
  }

  @Override
  public RedactionSession newSession() {
    return new RedactionSession() {
      private final Map<String, String> placeholders = new ConcurrentHashMap<>();
      private final Map<String, Long> counts = new ConcurrentHashMap<>();

      @Override
      public synchronized String redact(String text) {
        String out = text;
        for (Map.Entry<String, Pattern> k : KINDS.entrySet()) {
          Matcher m = k.getValue().matcher(out);
          StringBuilder sb = new StringBuilder();
          while (m.find()) {
            String value = m.group();
            String ph = placeholders.computeIfAbsent(value, v -> {
              long n = counts.merge(k.getKey(), 1L, Long::sum);
              return "<" + k.getKey() + ":" + n + ">";
            });
            m.appendReplacement(sb, Matcher.quoteReplacement(ph));
          }
          m.appendTail(sb);
          out = sb.toString();
        }
        return out;
      }

      @Override
      public Map<String, Long> counts() {
        return new TreeMap<>(counts);
      }
    };
  }
}
