package dev.sreagent.pipeline.internal;

import dev.sreagent.pipeline.ReportReason;
import dev.sreagent.redact.RedactionSession;
import dev.sreagent.spi.TokenUsage;
import java.util.List;

/**
 * The per-incident state of one pipeline run: redaction scope, model calls and tokens used against the
 * incident's budget. Used by one thread.
 */
public final class IncidentRun {
  private final String fingerprint;
  private final RedactionSession session;
  private final long tokenBudget;
  private final int maxCalls;
  private int calls;
  private TokenUsage used = TokenUsage.ZERO;
  private String lastModel = "unknown";

  /**
   * @param fingerprint the incident's fingerprint
   * @param session the incident's redaction scope
   * @param tokenBudget tokens the incident may use
   * @param maxCalls model answers the incident may take
   */
  public IncidentRun(String fingerprint, RedactionSession session, long tokenBudget, int maxCalls) {
    this.fingerprint = fingerprint;
    this.session = session;
    this.tokenBudget = tokenBudget;
    this.maxCalls = maxCalls;
  }

  /** @return the fingerprint */
  public String fingerprint() {
    return fingerprint;
  }

  /** @return the redaction scope */
  public RedactionSession session() {
    return session;
  }

  /** @return {@code text} redacted */
  public String redact(String text) {
    return session.redact(text);
  }

  /**
   * Checks that one more call estimated at {@code tokens} fits the incident's limits.
   *
   * @throws StageFailure with {@link ReportReason#BUDGET_EXHAUSTED} when it does not
   */
  public void admit(String stage, long tokens) {
    if (calls >= maxCalls) {
      throw new StageFailure(ReportReason.BUDGET_EXHAUSTED, List.of("the " + stage + " stage needs a model call but the incident used its "
          + maxCalls + " calls (sre-agent.pipeline.max-model-calls)"));
    }
    if (used.total() + tokens > tokenBudget) {
      throw new StageFailure(ReportReason.BUDGET_EXHAUSTED, List.of("the " + stage + " stage needs about " + tokens
          + " tokens but the incident has " + Math.max(0, tokenBudget - used.total()) + " of its " + tokenBudget
          + " left (sre-agent.pipeline.incident-token-budget)"));
    }
  }

  /** Counts an answered call by {@code modelId} ("" when the answer could not be read). */
  public void recordCall(TokenUsage usage, String modelId) {
    calls++;
    used = used.plus(usage);
    if (!modelId.isEmpty()) {
      lastModel = modelId;
    }
  }

  /** @return the model that gave the latest answer, "unknown" before any */
  public String lastModel() {
    return lastModel;
  }

  /** @return answered model calls */
  public int calls() {
    return calls;
  }

  /** @return tokens used */
  public TokenUsage used() {
    return used;
  }
}
