package dev.sreagent.redact.internal;

import dev.sreagent.redact.RedactionEvent;
import dev.sreagent.redact.RedactionListener;
import dev.sreagent.redact.RedactionSession;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers placeholders per kind in order of first appearance; the value → number map stays in this
 * object and is never exposed. Thread safe.
 */
public final class DefaultRedactionSession implements RedactionSession {
  /** What replaces a text whose redaction failed. */
  public static final String FAILED_MARKER = "<redaction-failed>";
  /** The count key of failures. */
  public static final String FAILED_KIND = "redaction-failed";
  /** Distinct values numbered per session; beyond, placeholders carry no number ({@code <email>}). */
  public static final int MAX_NUMBERED = 100_000;

  private static final Logger LOG = LoggerFactory.getLogger(DefaultRedactionSession.class);

  private final Engine engine;
  private final RedactionListener listener;
  private final Map<String, Map<String, Integer>> numbers = new HashMap<>();
  private int numbered;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * @param engine the rules
   * @param listener receives counts per call
   */
  public DefaultRedactionSession(Engine engine, RedactionListener listener) {
    this.engine = engine;
    this.listener = listener;
  }

  @Override
  public String redact(String text) {
    List<Span> spans;
    String result;
    Map<String, Integer> perCall;
    try {
      spans = engine.find(text);
      if (spans.isEmpty()) {
        return text;
      }
      StringBuilder b = new StringBuilder(text.length());
      perCall = new HashMap<>();
      int pos = 0;
      for (Span s : spans) {
        b.append(text, pos, s.start());
        b.append(placeholder(s.kind(), text.substring(s.start(), s.end())));
        perCall.merge(s.kind(), 1, Integer::sum);
        pos = s.end();
      }
      b.append(text, pos, text.length());
      result = b.toString();
    } catch (RuntimeException | StackOverflowError e) {
      counts.computeIfAbsent(FAILED_KIND, k -> new LongAdder()).increment();
      LOG.warn("Redaction failed ({}); the text was dropped", e.getClass().getName());
      notify(new RedactionEvent(Map.of(), e.getClass().getName()));
      return FAILED_MARKER;
    }
    perCall.forEach((k, v) -> counts.computeIfAbsent(k, x -> new LongAdder()).add(v));
    notify(new RedactionEvent(perCall, null));
    return result;
  }

  private synchronized String placeholder(String kind, String value) {
    Map<String, Integer> byValue = numbers.computeIfAbsent(kind, k -> new HashMap<>());
    Integer n = byValue.get(value);
    if (n == null) {
      if (numbered >= MAX_NUMBERED) {
        return "<" + kind + ">";
      }
      n = byValue.size() + 1;
      byValue.put(value, n);
      numbered++;
    }
    return "<" + kind + ":" + n + ">";
  }

  private void notify(RedactionEvent event) {
    try {
      listener.onRedaction(event);
    } catch (RuntimeException e) {
      LOG.warn("Redaction listener failed ({}); event ignored", e.getClass().getName());
    }
  }

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> m = new TreeMap<>();
    counts.forEach((k, v) -> m.put(k, v.sum()));
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return "RedactionSession" + counts();
  }
}
