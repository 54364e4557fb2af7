package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.Alternatives;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A group found by the {@link TemplateMiner}: a message with its variable parts shown as {@code <*>}. The
 * {@link #id()} and {@link #fingerprint()} never change while the group lives; its {@link #text()} may become
 * more general as messages join it (a constant position turns into {@code <*>}). Read it on the thread that
 * owns the miner.
 *
 * <p>A group is either a template or one of its <em>alternatives</em>: when a position of a template has
 * shown exactly two values (say {@code begin} / {@code end}), the messages with the second value form a group
 * of their own (see docs/GROUPING.md, "Alternatives").
 */
public final class MinedTemplate {
  final long id;
  final String fingerprint;
  final String anchor;
  /** The generalized tokens of a template; an alternative keeps its first message's (its text is its template's, filled in). */
  String[] tokens;
  /** The masked tokens of the message that created this group. */
  final String[] first;
  final @Nullable MinedTemplate parent;
  @Nullable String text;
  long count;
  boolean alive = true;
  /** Values seen per position that differ from {@link #first} (templates only). */
  @Nullable Alternatives alternatives;
  @Nullable Map<String, MinedTemplate> children;
  @Nullable MinedTemplate prev;
  @Nullable MinedTemplate next;

  MinedTemplate(long id, String fingerprint, String anchor, String[] tokens) {
    this.id = id;
    this.fingerprint = fingerprint;
    this.anchor = anchor;
    this.tokens = tokens;
    this.first = tokens;
    this.parent = null;
  }

  /** An alternative of {@code parent}, created by a message whose masked tokens are {@code first}. */
  MinedTemplate(long id, String fingerprint, MinedTemplate parent, String[] first) {
    this.id = id;
    this.fingerprint = fingerprint;
    this.anchor = parent.anchor;
    this.tokens = first;
    this.first = first;
    this.parent = parent;
  }

  /** @return the miner's id of this group, unique within one miner */
  public long id() {
    return id;
  }

  /**
   * @return {@code fp2:t:} and a 64-bit hash of the masked message that created the group: the same first
   *     message gives the same fingerprint in every process
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** @return the template text, variables as {@code <*>} and the values that tell alternatives apart filled in */
  public String text() {
    String t = text;
    if (t == null) {
      MinedTemplate template = parent == null ? this : parent;
      String[] shown = template.tokens;
      Alternatives alt = template.alternatives;
      if (alt != null) {
        shown = alt.fill(shown, first);
      }
      t = String.join(" ", shown);
      text = t;
    }
    return t;
  }

  /** @return how many messages were put in this group since it was created */
  public long count() {
    return count;
  }

  /** @return the template this alternative belongs to, or this group when it is a template */
  public MinedTemplate template() {
    return parent == null ? this : parent;
  }

  /** Forgets the cached text of this template and its alternatives. */
  void textChanged() {
    text = null;
    if (children != null) {
      for (MinedTemplate c : children.values()) {
        c.text = null;
      }
    }
  }

  Map<String, MinedTemplate> children() {
    Map<String, MinedTemplate> c = children;
    if (c == null) {
      c = new HashMap<>(4);
      children = c;
    }
    return c;
  }

  @Override
  public String toString() {
    return fingerprint + " " + text();
  }
}
