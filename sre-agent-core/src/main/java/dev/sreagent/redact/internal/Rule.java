package dev.sreagent.redact.internal;

import dev.sreagent.redact.PiiFamily;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One detector. The prefilter runs it only when one of its {@linkplain #keywords() keywords}
 * (case-insensitive) occurs in the text or one of its {@linkplain #gates() gates} fires; both must be
 * necessary conditions of a match, so skipping the rule never loses one.
 */
public interface Rule {
  /** @return a name for diagnostics (the kind, or the family of kinds) */
  String name();

  /** @return lower-case ASCII strings, one of which every match contains */
  List<String> keywords();

  /** @return structural gates, one of which fires for every match */
  Set<Gate> gates();

  /** @return the PII family of what this rule finds, or null for secrets */
  @Nullable PiiFamily family();

  /**
   * Adds the spans this rule finds in {@code text} to {@code out}.
   *
   * @param priority the rule's rank, lower wins on overlap
   */
  void find(String text, int priority, List<Span> out);
}
