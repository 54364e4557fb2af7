package dev.sreagent.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.NonRetriableException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The position of {@code AwsCloudWatchLogSource}, per log group: a watermark (epoch ms up to which the
 * group has been read completely) and the ids of the events already returned whose timestamps lie within
 * the lag window below it. The next query starts at {@code watermark - lag}, so late events are found; the
 * seen ids drop the ones already returned, so nothing is repeated. Encoded as {@code cwl1:} + base64url(JSON).
 *
 * <p>Mutable; one poll works on its own copy. Not thread safe.
 */
public final class LogsCursor {
  static final String MAGIC = "cwl1:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final long originMs;
  private final TreeMap<String, Group> groups = new TreeMap<>();

  /** One log group's position. */
  public static final class Group {
    private long watermarkMs;
    private final TreeMap<Long, Set<String>> seen = new TreeMap<>();

    Group(long watermarkMs) {
      this.watermarkMs = watermarkMs;
    }

    /** @return epoch ms up to which the group is read completely */
    public long watermarkMs() {
      return watermarkMs;
    }

    /** @return true when the event was returned before */
    public boolean seen(long timestampMs, String eventId) {
      Set<String> ids = seen.get(timestampMs);
      return ids != null && ids.contains(eventId);
    }

    /** Remembers a returned event. */
    public void markSeen(long timestampMs, String eventId) {
      seen.computeIfAbsent(timestampMs, t -> new HashSet<>()).add(eventId);
    }

    /** Moves the watermark forward (never back) and forgets ids below {@code watermark - lagMs}. */
    public void advance(long newWatermarkMs, long lagMs) {
      watermarkMs = Math.max(watermarkMs, newWatermarkMs);
      seen.headMap(watermarkMs - lagMs).clear();
    }

    /** @return how many ids are remembered */
    public int seenCount() {
      return seen.values().stream().mapToInt(Set::size).sum();
    }
  }

  private LogsCursor(long originMs) {
    this.originMs = originMs;
  }

  /** @return a cursor that starts every log group at {@code originMs} */
  public static LogsCursor start(long originMs) {
    return new LogsCursor(originMs);
  }

  /** @return the epoch ms a log group seen for the first time starts from */
  public long originMs() {
    return originMs;
  }

  /** @return the group's position, created at {@code max(origin, floorMs)} when new */
  public Group group(String name, long floorMs) {
    return groups.computeIfAbsent(name, n -> new Group(Math.max(originMs, floorMs)));
  }

  /** Keeps only the named groups (a group dropped from the configuration is forgotten). */
  public void retain(Set<String> names) {
    groups.keySet().retainAll(names);
  }

  /** @return the serialized cursor */
  public String encode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("o", originMs);
    ObjectNode gs = root.putObject("g");
    groups.forEach((name, g) -> {
      ObjectNode gn = gs.putObject(name);
      gn.put("w", g.watermarkMs);
      ObjectNode s = gn.putObject("s");
      g.seen.forEach((ts, ids) -> {
        ArrayNode a = s.putArray(Long.toString(ts));
        ids.stream().sorted().forEach(a::add);
      });
    });
    return MAGIC + Base64.getUrlEncoder().withoutPadding().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws NonRetriableException when {@code value} is not a cursor this class made
   */
  public static LogsCursor decode(String value) {
    if (!value.startsWith(MAGIC)) {
      throw notOurs("it does not start with " + MAGIC);
    }
    try {
      JsonNode root = JSON.readTree(Base64.getUrlDecoder().decode(value.substring(MAGIC.length())));
      if (!root.path("o").isIntegralNumber() || !root.path("g").isObject()) {
        throw notOurs("fields are missing");
      }
      LogsCursor c = new LogsCursor(root.get("o").asLong());
      for (Iterator<Map.Entry<String, JsonNode>> it = root.get("g").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode gn = e.getValue();
        if (!gn.path("w").isIntegralNumber() || !gn.path("s").isObject()) {
          throw notOurs("log group " + e.getKey() + " has no position");
        }
        Group g = new Group(gn.get("w").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> s = gn.get("s").fields(); s.hasNext(); ) {
          Map.Entry<String, JsonNode> ts = s.next();
          long t = Long.parseLong(ts.getKey());
          for (JsonNode id : ts.getValue()) {
            g.markSeen(t, id.asText());
          }
        }
        c.groups.put(e.getKey(), g);
      }
      return c;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw notOurs("it cannot be decoded");
    }
  }

  private static NonRetriableException notOurs(String why) {
    return new NonRetriableException("The log cursor was not made by AwsCloudWatchLogSource (" + why
        + "): delete the stored checkpoint to start again from sre-agent.aws.logs.start-look-back");
  }
}
