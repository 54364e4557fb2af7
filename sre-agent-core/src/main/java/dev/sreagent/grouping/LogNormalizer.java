package dev.sreagent.grouping;

import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings a {@link LogEvent} into the shape grouping expects; never fails on bad input. Immutable and thread safe.
 *
 * <ul>
 *   <li>The message is cut to {@link GroupingConfig#maxLineLength()} characters (default 64 Ki), never inside a
 *       surrogate pair, and the marker {@code …[truncated N chars]} is appended.
 *   <li>Lone surrogates (what invalid UTF-8 or a cut pair leaves) and NUL become U+FFFD; {@link
 *       #decodeUtf8(byte[], int, int)} decodes bytes the same way, replacing invalid sequences.
 *   <li>An {@link Severity#UNKNOWN} severity is taken from the attributes {@code severity}, {@code level},
 *       {@code log.level}, {@code levelname}, or from a leading level word of the message ({@code ERROR …},
 *       {@code [WARN] …}).
 *   <li>A blank service is taken from the attributes {@code service}, {@code service.name}, {@code app},
 *       {@code k8s.container.name}; a missing trace id from {@code trace_id}, {@code traceId}, {@code trace-id},
 *       {@code trace.id}.
 *   <li>At most {@value #MAX_ATTRIBUTES} attributes are kept (in key order), values cut to {@value
 *       #MAX_ATTRIBUTE_LENGTH} characters.
 * </ul>
 */
public final class LogNormalizer {
  /** Attributes kept. */
  public static final int MAX_ATTRIBUTES = 64;
  /** Characters kept of an attribute value. */
  public static final int MAX_ATTRIBUTE_LENGTH = 1024;

  private static final List<String> SEVERITY_KEYS = List.of("severity", "level", "log.level", "levelname", "loglevel");
  private static final List<String> SERVICE_KEYS = List.of("service", "service.name", "app", "k8s.container.name");
  private static final List<String> TRACE_KEYS = List.of("trace_id", "traceId", "trace-id", "trace.id");

  private final int maxLineLength;

  private LogNormalizer(int maxLineLength) {
    this.maxLineLength = maxLineLength;
  }

  /** @return a normalizer with the settings' line limit */
  public static LogNormalizer create(GroupingConfig config) {
    return new LogNormalizer(config.maxLineLength());
  }

  /** @return a normalizer with the default line limit */
  public static LogNormalizer create() {
    return create(GroupingConfig.defaults());
  }

  /**
   * @param event an event as a source handed it over
   * @return the normalized event ({@code event} itself when nothing changed)
   */
  public LogEvent normalize(LogEvent event) {
    String message = cleanText(event.message(), maxLineLength);
    Severity severity = event.severity();
    Map<String, String> attrs = event.attributes();
    if (severity == Severity.UNKNOWN) {
      severity = severityFrom(attrs, message);
    }
    String service = event.service();
    if (service.isBlank()) {
      service = first(attrs, SERVICE_KEYS, "");
    }
    String traceId = event.traceId();
    if (traceId == null) {
      String t = first(attrs, TRACE_KEYS, "");
      traceId = t.isEmpty() ? null : t;
    }
    Map<String, String> boundedAttrs = boundAttributes(attrs);
    if (message == event.message() && severity == event.severity() && service.equals(event.service())
        && traceId == event.traceId() && boundedAttrs == attrs) {
      return event;
    }
    return new LogEvent(event.id(), event.timestamp(), severity, service, message, traceId, boundedAttrs);
  }

  /**
   * Decodes UTF-8, replacing invalid or truncated sequences with U+FFFD.
   *
   * @return the text
   */
  public static String decodeUtf8(byte[] bytes, int offset, int length) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer cb = d.decode(ByteBuffer.wrap(bytes, offset, length));
      return cb.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("unreachable with REPLACE", e);
    }
  }

  /**
   * @return {@code s} cut to {@code max} characters with a marker, lone surrogates and NUL replaced by U+FFFD
   *     ({@code s} itself when clean)
   */
  static String cleanText(String s, int max) {
    int n = s.length();
    int limit = Math.min(n, max);
    if (limit < n && limit > 0 && Character.isHighSurrogate(s.charAt(limit - 1))) {
      limit--;
    }
    StringBuilder sb = null;
    for (int i = 0; i < limit; i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c)) {
        bad = !(i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1)));
        if (!bad) {
          if (sb != null) {
            sb.append(c).append(s.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        bad = Character.isLowSurrogate(c) || c == 0;
      }
      if (bad && sb == null) {
        sb = new StringBuilder(limit + 32);
        sb.append(s, 0, i);
      }
      if (sb != null) {
        sb.append(bad ? '\uFFFD' : c);
      }
    }
    if (sb == null && limit == n) {
      return s;
    }
    if (sb == null) {
      sb = new StringBuilder(limit + 32).append(s, 0, limit);
    }
    if (limit < n) {
      sb.append("…[truncated ").append(n - limit).append(" chars]");
    }
    return sb.toString();
  }

  private static Severity severityFrom(Map<String, String> attrs, String message) {
    for (String k : SEVERITY_KEYS) {
      String v = attrs.get(k);
      if (v != null) {
        Severity s = Severity.parse(v);
        if (s != Severity.UNKNOWN) {
          return s;
        }
      }
    }
    int i = 0;
    int n = Math.min(message.length(), 40);
    while (i < n && (message.charAt(i) == '[' || message.charAt(i) == ' ')) {
      i++;
    }
    int s = i;
    while (i < n && Character.isLetter(message.charAt(i))) {
      i++;
    }
    if (i > s && i < message.length()) {
      char after = message.charAt(i);
      if (after == ' ' || after == ']' || after == ':') {
        return Severity.parse(message.substring(s, i));
      }
    }
    return Severity.UNKNOWN;
  }

  private static String first(Map<String, String> attrs, List<String> keys, String fallback) {
    for (String k : keys) {
      String v = attrs.get(k);
      if (v != null && !v.isBlank()) {
        return cleanText(v.trim(), MAX_ATTRIBUTE_LENGTH);
      }
    }
    return fallback;
  }

  private static Map<String, String> boundAttributes(Map<String, String> attrs) {
    boolean ok = attrs.size() <= MAX_ATTRIBUTES;
    if (ok) {
      for (Map.Entry<String, String> e : attrs.entrySet()) {
        if (e.getValue().length() > MAX_ATTRIBUTE_LENGTH || e.getKey().length() > MAX_ATTRIBUTE_LENGTH) {
          ok = false;
          break;
        }
      }
    }
    if (ok) {
      return attrs;
    }
    Map<String, String> out = new HashMap<>();
    attrs.keySet().stream().sorted().limit(MAX_ATTRIBUTES).forEach(k ->
        out.put(cleanText(k, MAX_ATTRIBUTE_LENGTH), cleanText(attrs.get(k), MAX_ATTRIBUTE_LENGTH)));
    return out;
  }
}
