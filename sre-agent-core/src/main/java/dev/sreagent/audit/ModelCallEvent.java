package dev.sreagent.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One call to a model (one attempt of a pipeline stage, after the router's retries and fallback).
 *
 * @param at when the call finished
 * @param fingerprint the incident's fingerprint
 * @param stage the pipeline stage ({@code triage}, {@code analysis}, {@code remediation})
 * @param model the model that answered, or the client's description when none did
 * @param tokensIn prompt tokens the service reported (0 when it did not answer)
 * @param tokensOut generated tokens the service reported (0 when it did not answer)
 * @param latency wall time of the call including retries
 * @param outcome how it ended
 */
public record ModelCallEvent(
    Instant at, String fingerprint, String stage, String model, long tokensIn, long tokensOut, Duration latency, Outcome outcome)
    implements AuditEvent {

  /** Validates. */
  public ModelCallEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(outcome, "outcome");
  }

  @Override
  public String toLogLine() {
    return "event=model-call fingerprint=" + fingerprint + " stage=" + stage + " model=" + model + " tokens-in=" + tokensIn
        + " tokens-out=" + tokensOut + " latency-ms=" + latency.toMillis() + " outcome=" + outcome;
  }

  /** How a model call ended. */
  public enum Outcome {
    /** A schema-valid answer. */
    OK,
    /** An answer that was not JSON or not valid against the stage's schema. */
    INVALID_OUTPUT,
    /** Throttling, 5xx, timeouts or an open circuit on every client, after retries. */
    UNAVAILABLE,
    /** The service refused the request (bad credentials, prompt too long, refused content). */
    REFUSED,
    /** Not made: the incident's or the hour's token budget would be exceeded. */
    BUDGET_EXHAUSTED
  }
}
