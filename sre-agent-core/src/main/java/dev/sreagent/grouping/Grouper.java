package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.Masker;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.LogEvent;
import java.util.List;
import java.util.Optional;

/**
 * Puts each event in a group: ignore rules first, then override rules, then a stack-trace fingerprint, else
 * the message's template. <b>Not thread safe</b> (it owns a {@link TemplateMiner}): use one per partition.
 *
 * <pre>{@code
 * Grouper grouper = Grouper.create(GroupingConfig.from(config));
 * Group g = grouper.group(normalizer.normalize(event));
 * }</pre>
 */
public final class Grouper {
  private static final int TITLE_LIMIT = 300;

  private final GroupingConfig config;
  private final StackTraceFingerprinter fingerprinter;
  private final TemplateMiner miner;

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
   * @param message a message (any text; never fails)
   * @return its group
   */
  public Group group(String message) {
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
      String title = t.exceptionTypes().get(0) + (t.message().isEmpty() ? "" : ": " + Masker.mask(t.message()));
      return new Group(StackTraceFingerprinter.fingerprint(t), Incident.Kind.STACK_TRACE, cut(title), t.exceptionTypes(), false);
    }
    MinedTemplate tpl = miner.mine(message);
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
