package dev.sreagent.redact.internal;

import dev.sreagent.redact.RedactionEvent;
import dev.sreagent.redact.RedactionListener;
import dev.sreagent.redact.RedactionSession;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
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
  private final @Nullable Mac tagger;
  private final Map<String, Map<String, Integer>> numbers = new HashMap<>();
  private int numbered;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * @param engine the rules
   * @param listener receives counts per call
   */
  public DefaultRedactionSession(Engine engine, RedactionListener listener) {
    this(engine, listener, null);
  }

  /**
   * A session whose placeholders are tags derived from the value with a keyed hash ({@code <email:3fa9c2d1>}),
   * so every session made with the same key gives a value the same placeholder, and no value is kept.
   *
   * @param engine the rules
   * @param listener receives counts per call
   * @param tagKey the HMAC key (random per redactor, never leaves the process); null for numbered placeholders
   */
  public DefaultRedactionSession(Engine engine, RedactionListener listener, byte @Nullable [] tagKey) {
    this.engine = engine;
    this.listener = listener;
    if (tagKey == null) {
      this.tagger = null;
    } else {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(tagKey, "HmacSHA256"));
        this.tagger = mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
      }
    }
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
    if (tagger != null) {
      byte[] h = tagger.doFinal((kind + '\0' + value).getBytes(StandardCharsets.UTF_8));
      return "<" + kind + ":" + HexFormat.of().formatHex(h, 0, 4) + ">";
    }
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
