package dev.sreagent.grouping;

import dev.sreagent.grouping.internal.Masker;
import org.jspecify.annotations.Nullable;

/**
 * A template found by the {@link TemplateMiner}: a message with its variable parts shown as {@code <*>}.
 * The {@link #id()} and {@link #fingerprint()} never change while the template lives; its {@link #text()}
 * may become more general as messages join it (a constant position turns into {@code <*>}). Read it on the
 * thread that owns the miner.
 */
public final class MinedTemplate {
  final long id;
  final String fingerprint;
  final String anchor;
  String[] tokens;
  @Nullable String text;
  long count;
  boolean alive = true;
  @Nullable MinedTemplate prev;
  @Nullable MinedTemplate next;

  MinedTemplate(long id, String fingerprint, String anchor, String[] tokens) {
    this.id = id;
    this.fingerprint = fingerprint;
    this.anchor = anchor;
    this.tokens = tokens;
  }

  /** @return the miner's id of this template, unique within one miner */
  public long id() {
    return id;
  }

  /**
   * @return {@code fp1:t:} and a 64-bit hash of the masked message that created the template: the same
   *     first message gives the same fingerprint in every process
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** @return the template text, variables as {@code <*>} */
  public String text() {
    String t = text;
    if (t == null) {
      t = String.join(" ", tokens);
      text = t;
    }
    return t;
  }

  /** @return how many messages matched it since it was created */
  public long count() {
    return count;
  }

  /** @return how many positions are variables */
  int wildcards() {
    int w = 0;
    for (String t : tokens) {
      if (t.equals(Masker.WILDCARD)) {
        w++;
      }
    }
    return w;
  }

  @Override
  public String toString() {
    return fingerprint + " " + text();
  }
}
