package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.Alternatives;
import dev.sreagent.grouping.internal.Hashing;
import dev.sreagent.grouping.internal.MaskedKey;
import dev.sreagent.grouping.internal.Masker;
import dev.sreagent.grouping.internal.Similarity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A streaming log template miner of the Drain family with one default configuration that is not tuned
 * to any log format. See docs/GROUPING.md for the algorithm and its measured accuracy.
 *
 * <ol>
 *   <li>Variables are masked generically ({@link dev.sreagent.grouping.internal.Masker}): any word holding a
 *       digit, URLs, paths, a number with its unit of size or duration, and repeated runs of such tokens; a
 *       short quoted string stays one token.
 *   <li>A masked message seen before is found in a hash map (the fast path: one lookup, no allocation).
 *   <li>A new masked message is compared with the live templates of the same token count and the same first
 *       token, a first token holding a masked part or a qualified name counting as {@code <*>} (the newest
 *       {@value #MAX_CANDIDATES} of them). Similarity is the share of equal positions among those where either side is a constant
 *       (a token such as {@code uid=<*>} keeps its key, a constant; a lone {@code <*>} is not one). A difference
 *       inside the key of a {@code key=value} pair means a different event. Where
 *       they differ, the differing part is classified: a <em>name</em> (dotted, slashed, snake or camel case, or
 *       already a variable) may vary freely; a <em>plain word</em> may vary only when at least {@value
 *       dev.sreagent.grouping.internal.Similarity#PLAIN_WORD_SIMILARITY} of the positions are equal (in short messages a different word usually means a
 *       different event); values of a <em>closed set</em> (upper-case words such as {@code GET} / {@code POST},
 *       {@code true} / {@code false}, and verb forms in -ed or -ing such as {@code started} / {@code stopped})
 *       never vary. The message joins the
 *       most similar template when the similarity reaches {@link Builder#similarity(double) similarity}
 *       (default {@value #DEFAULT_SIMILARITY}); the differing positions become {@code <*>}. Otherwise it starts
 *       a new template.
 *   <li>Each template counts the values its positions take. A position that shows exactly two values names two
 *       <em>alternatives</em> ({@code begin} / {@code end}, client {@code A} / client {@code B}): messages with
 *       the second value form a group of their own ({@link MinedTemplate#template()} is its template). A third
 *       value makes the position a variable for good. Masked values and units after a number are variables
 *       from the start. {@link #mineAll(List)} decides this with a
 *       whole batch in view, {@link #mine(String)} with the messages before only.
 * </ol>
 *
 * <p>A group's id is what a message is assigned when its batch is grouped, and it never changes (streaming:
 * no later re-grouping of earlier messages).
 *
 * <p>Memory is bounded: at most {@link Builder#maxTemplates(int) maxTemplates} templates live (default
 * {@value #DEFAULT_MAX_TEMPLATES}); the least recently matched one is evicted and counted in {@link
 * #evictions()}. The cache of masked messages is bounded to four entries per template.
 *
 * <p><b>Not thread safe</b>: use one miner per partition (per thread or per consumer); its ids and
 * fingerprints are deterministic for a given input order.
 */
public final class TemplateMiner {
  /** Default {@link Builder#maxTemplates(int)}. */
  public static final int DEFAULT_MAX_TEMPLATES = 10_000;
  /**
   * Templates of one token count and first token compared with a new message, newest first: bounds the cost
   * of a message never seen on streams with many templates of one shape.
   */
  static final int MAX_CANDIDATES = 128;
  /** The prefix of every template fingerprint; {@code fp2} since alternatives and size units (fp1 had neither). */
  public static final String FINGERPRINT_PREFIX = "fp2:t:";
  /** Alternatives kept per template; messages past them stay in the template. */
  static final int MAX_ALTERNATIVES = 64;
  /** Default {@link Builder#similarity(double)}. */
  public static final double DEFAULT_SIMILARITY = 0.5;

  private final int maxTemplates;
  private final double similarity;
  private final LinkedHashMap<MaskedKey, Entry> byKey;
  private final Masker masker = new Masker();
  private final MaskedKey probe = MaskedKey.probe();
  private final Map<String, List<MinedTemplate>> byAnchor = new HashMap<>();
  /** LRU list of live templates: head = most recent. */
  private @Nullable MinedTemplate head;
  private @Nullable MinedTemplate tail;
  private int live;
  private long nextId = 1;
  private long evictions;

  private TemplateMiner(Builder b) {
    this.maxTemplates = b.maxTemplates;
    this.similarity = b.similarity;
    int maxKeys = (int) Math.min(Integer.MAX_VALUE / 2, 4L * b.maxTemplates);
    this.byKey = new LinkedHashMap<>(1024, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<MaskedKey, Entry> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** @return a miner with the default configuration */
  public static TemplateMiner create() {
    return builder().build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds or creates the group of {@code message}, deciding alternatives from the messages seen so far (pure
   * streaming). {@link #mineAll(List)} decides them with the rest of a batch as well, which is more accurate.
   *
   * @param message a log message without a stack trace (any text; never fails)
   * @return its group
   */
  public MinedTemplate mine(String message) {
    return resolve(observe(message));
  }

  /**
   * Finds or creates the groups of a batch of messages: every message joins its template first, then each is
   * put in its group, so whether a position names two alternatives or is a variable is decided with the
   * whole batch in view. One call per batch the agent polls; the result is in input order.
   *
   * @param messages log messages without a stack trace (any text; never fails)
   * @return the group of each message, in order
   */
  public List<MinedTemplate> mineAll(List<String> messages) {
    Entry[] entries = new Entry[messages.size()];
    for (int i = 0; i < entries.length; i++) {
      entries[i] = observe(messages.get(i));
    }
    List<MinedTemplate> out = new ArrayList<>(entries.length);
    for (Entry e : entries) {
      out.add(resolve(e));
    }
    return out;
  }

  /** Puts the message in its template and records what its positions show. */
  private Entry observe(String message) {
    masker.run(message);
    probe.reset(masker.chars(), masker.length());
    Entry e = byKey.get(probe);
    if (e != null && e.template.alive) {
      touch(e.template);
      return e;
    }
    MaskedKey key = probe.copy();
    String text = key.toString();
    String[] tokens = split(text);
    MinedTemplate t = slowPath(text, tokens);
    if (t.first != tokens) {
      Alternatives alt = t.alternatives;
      if (alt == null) {
        alt = new Alternatives(tokens.length);
        t.alternatives = alt;
      }
      if (alt.record(t.first, tokens)) {
        t.textChanged();
      }
    }
    e = new Entry(t, key);
    byKey.put(key, e);
    touch(t);
    return e;
  }

  /** @return the group of a message of entry {@code e}: its template, or one of the template's alternatives */
  private MinedTemplate resolve(Entry e) {
    MinedTemplate t = e.template;
    MinedTemplate g = e.group;
    Alternatives alt = t.alternatives;
    int version = alt == null ? 0 : alt.version();
    if (g == null || e.version != version || !g.alive) {
      g = t;
      if (alt != null && t.alive) { // a template evicted later in the same batch keeps its messages, no new alternatives
        String[] tokens = split(e.key.toString());
        String sig = alt.signature(t.first, tokens);
        if (!sig.isEmpty()) {
          g = t.children().get(sig);
          if (g == null) {
            if (t.children().size() < MAX_ALTERNATIVES) {
              g = new MinedTemplate(nextId++, FINGERPRINT_PREFIX + Hashing.hex64(e.key.toString()), t, tokens);
              t.children().put(sig, g);
            } else {
              g = t;
            }
          }
        }
      }
      e.group = g;
      e.version = version;
    }
    g.count++;
    return g;
  }

  /** @return templates evicted to respect the maximum so far */
  public long evictions() {
    return evictions;
  }

  /** @return live templates */
  public int size() {
    return live;
  }

  /** @return the live templates, most recently matched first, each followed by its alternatives */
  public List<MinedTemplate> templates() {
    List<MinedTemplate> all = new ArrayList<>(live);
    for (MinedTemplate t = head; t != null; t = t.next) {
      all.add(t);
      if (t.children != null) {
        all.addAll(t.children.values());
      }
    }
    return all;
  }

  private MinedTemplate slowPath(String key, String[] tokens) {
    String anchor = Similarity.anchorOf(tokens);
    List<MinedTemplate> candidates = byAnchor.computeIfAbsent(anchor, a -> new ArrayList<>(4));
    MinedTemplate best = null;
    double bestSim = -1;
    for (int i = candidates.size() - 1, end = Math.max(0, candidates.size() - MAX_CANDIDATES); i >= end; i--) {
      MinedTemplate c = candidates.get(i);
      double s = Similarity.of(c.tokens, tokens);
      if (s >= bestSim) { // ties go to the oldest template
        bestSim = s;
        best = c;
      }
    }
    if (best != null && (bestSim >= 1.0 || (tokens.length > 1 && bestSim >= similarity))) {
      merge(best, tokens);
      return best;
    }
    MinedTemplate created = new MinedTemplate(nextId++, FINGERPRINT_PREFIX + Hashing.hex64(key), anchor, tokens);
    candidates.add(created);
    live++;
    if (live > maxTemplates) {
      evict();
    }
    return created;
  }

  private static void merge(MinedTemplate t, String[] tokens) {
    String[] merged = null;
    for (int i = 0; i < tokens.length; i++) {
      if (!t.tokens[i].equals(tokens[i]) && !t.tokens[i].equals(Masker.WILDCARD)) {
        if (merged == null) {
          merged = t.tokens.clone();
        }
        merged[i] = Masker.WILDCARD;
      }
    }
    if (merged != null) {
      t.tokens = merged;
      t.textChanged();
    }
  }

  private static String[] split(String key) {
    if (key.isEmpty()) {
      return new String[0];
    }
    int n = 1;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        n++;
      }
    }
    String[] out = new String[n];
    int k = 0;
    int s = 0;
    for (int i = 0; i <= key.length(); i++) {
      if (i == key.length() || key.charAt(i) == ' ') {
        out[k++] = key.substring(s, i);
        s = i + 1;
      }
    }
    return out;
  }

  private void touch(MinedTemplate t) {
    if (head == t) {
      return;
    }
    // unlink
    if (t.prev != null) {
      t.prev.next = t.next;
    }
    if (t.next != null) {
      t.next.prev = t.prev;
    }
    if (tail == t) {
      tail = t.prev;
    }
    // push front
    t.prev = null;
    t.next = head;
    if (head != null) {
      head.prev = t;
    }
    head = t;
    if (tail == null) {
      tail = t;
    }
  }

  private void evict() {
    MinedTemplate victim = tail;
    if (victim == null) {
      return;
    }
    tail = victim.prev;
    if (tail != null) {
      tail.next = null;
    } else {
      head = null;
    }
    victim.prev = null;
    victim.alive = false;
    if (victim.children != null) {
      victim.children.values().forEach(c -> c.alive = false);
    }
    List<MinedTemplate> list = byAnchor.get(victim.anchor);
    if (list != null) {
      list.remove(victim);
      if (list.isEmpty()) {
        byAnchor.remove(victim.anchor);
      }
    }
    live--;
    evictions++;
  }

  /** A masked message seen before: its template, and the group it was last put in. */
  private static final class Entry {
    final MinedTemplate template;
    final MaskedKey key;
    @Nullable MinedTemplate group;
    int version;

    Entry(MinedTemplate template, MaskedKey key) {
      this.template = template;
      this.key = key;
    }
  }

  /** Builds a {@link TemplateMiner}; not thread safe. */
  public static final class Builder {
    private int maxTemplates = DEFAULT_MAX_TEMPLATES;
    private double similarity = DEFAULT_SIMILARITY;

    private Builder() {}

    /**
     * @param max live templates kept, at least 1 (default {@value TemplateMiner#DEFAULT_MAX_TEMPLATES})
     * @return this
     */
    public Builder maxTemplates(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxTemplates must be at least 1, got " + max);
      }
      this.maxTemplates = max;
      return this;
    }

    /**
     * @param threshold share of equal token positions, in (0, 1], for a message to join a template
     *     (default {@value TemplateMiner#DEFAULT_SIMILARITY}); one value for every log format
     * @return this
     */
    public Builder similarity(double threshold) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("similarity must be in (0, 1], got " + threshold);
      }
      this.similarity = threshold;
      return this;
    }

    /** @return the miner */
    public TemplateMiner build() {
      return new TemplateMiner(this);
    }
  }
}
