package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.Masker;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Puts each event in a group: ignore rules first, then override rules, then a stack-trace fingerprint, else
 * the message's template. <b>Not thread safe</b> (it owns a {@link TemplateMiner}): use one per partition. The
 * title of a stack-trace group is the masked message of the first trace seen with that fingerprint (the last
 * {@value #TITLE_CACHE} fingerprints are remembered).
 *
 * <pre>{@code
 * Grouper grouper = Grouper.create(GroupingConfig.from(config));
 * List<Group> groups = grouper.groupAll(messagesOfOnePoll);
 * }</pre>
 */
public final class Grouper {
  private static final int TITLE_LIMIT = 300;
  private static final int TITLE_CACHE = 1024;

  private final GroupingConfig config;
  private final StackTraceFingerprinter fingerprinter;
  private final TemplateMiner miner;
  /** Title of recent stack-trace fingerprints, so a storm does not mask the same message again and again. */
  private final java.util.LinkedHashMap<String, String> traceTitles = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
      return size() > TITLE_CACHE;
    }
  };

  private Grouper(GroupingConfig config) {
    this.config = config;
    this.fingerprinter = new StackTraceFingerprinter(config.appPackages(), config.maxFrames());
    this.miner = TemplateMiner.builder().maxTemplates(config.maxTemplates()).similarity(config.similarity()).build();
  }

  /** @return a grouper with these settings */
  public static Grouper create(GroupingConfig config) {
    return new Grouper(config);
  }

  /** @return a grouper with the default settings */
  public static Grouper create() {
    return new Grouper(GroupingConfig.defaults());
  }

  /** @return the group of {@code event}'s message */
  public Group group(LogEvent event) {
    return group(event.message());
  }

  /**
   * Groups one message from the messages seen before it only (pure streaming). {@link #groupAll(List)} groups a
   * batch with the whole batch in view, which tells alternatives from variables better: prefer it.
   *
   * @param message a message (any text; never fails)
   * @return its group
   */
  public Group group(String message) {
    Group g = byRule(message);
    return g != null ? g : template(miner.mine(message));
  }

  /**
   * Groups a batch of messages (one poll): rules and stack traces per message, templates with the whole batch
   * in view ({@link TemplateMiner#mineAll(List)}).
   *
   * @param messages messages (any text; never fails)
   * @return the group of each message, in order
   */
  public List<Group> groupAll(List<String> messages) {
    Group[] out = new Group[messages.size()];
    List<String> plain = new ArrayList<>(messages.size());
    int[] at = new int[messages.size()];
    for (int i = 0; i < out.length; i++) {
      String message = messages.get(i);
      out[i] = byRule(message);
      if (out[i] == null) {
        at[plain.size()] = i;
        plain.add(message);
      }
    }
    List<MinedTemplate> mined = miner.mineAll(plain);
    for (int k = 0; k < mined.size(); k++) {
      out[at[k]] = template(mined.get(k));
    }
    return Arrays.asList(out);
  }

  /** @return the group given by an ignore rule, an override rule or a stack trace, or null for a template */
  private @Nullable Group byRule(String message) {
    for (GroupingRule rule : config.ignoreRules()) {
      if (rule.matches(message)) {
        return new Group("fp1:i:" + rule.name(), Incident.Kind.OVERRIDE, "ignored by rule " + rule.name(), List.of(), true);
      }
    }
    for (GroupingRule rule : config.overrideRules()) {
      if (rule.matches(message)) {
        return new Group("fp1:o:" + rule.fingerprint(), Incident.Kind.OVERRIDE, "override rule " + rule.name(), List.of(), false);
      }
    }
    Optional<StackTrace> trace = fingerprinter.parse(message);
    if (trace.isPresent()) {
      StackTrace t = trace.get();
      String fp = StackTraceFingerprinter.fingerprint(t);
      String title = traceTitles.get(fp);
      if (title == null) {
        title = cut(t.exceptionTypes().get(0) + (t.message().isEmpty() ? "" : ": " + Masker.mask(t.message())));
        traceTitles.put(fp, title);
      }
      return new Group(fp, Incident.Kind.STACK_TRACE, title, t.exceptionTypes(), false);
    }
    return null;
  }

  private static Group template(MinedTemplate tpl) {
    return new Group(tpl.fingerprint(), Incident.Kind.TEMPLATE, cut(tpl.text()), List.of(), false);
  }

  /** @return live templates of the miner */
  public int liveTemplates() {
    return miner.size();
  }

  /** @return templates evicted so far */
  public long templateEvictions() {
    return miner.evictions();
  }

  private static String cut(String s) {
    return s.length() <= TITLE_LIMIT ? s : s.substring(0, TITLE_LIMIT) + "…";
  }
}
