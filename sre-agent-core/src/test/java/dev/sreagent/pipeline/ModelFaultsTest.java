package dev.sreagent.pipeline;

import static dev.sreagent.fakes.Incidents.ANALYSIS_OK;
import static dev.sreagent.fakes.Incidents.NPE_TRACE;
import static dev.sreagent.fakes.Incidents.REMEDIATION_OK;
import static dev.sreagent.fakes.Incidents.TRIAGE_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.audit.AuditEvent;
import dev.sreagent.audit.ModelCallEvent;
import dev.sreagent.fakes.FakeCodeHost;
import dev.sreagent.fakes.Incidents;
import dev.sreagent.fakes.ScriptedModelClient;
import dev.sreagent.fakes.TestRedactor;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Model timeouts, 429s, 5xx, invalid JSON and schema-invalid answers. */
class ModelFaultsTest {
  static final ResilienceSettings FAST = new ResilienceSettings(2, Duration.ofMillis(1), Duration.ofMillis(5), 0.25, 5, 10,
      Duration.ofMinutes(1));
  final FakeCodeHost host = Incidents.repository();
  final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());

  static Incident npe() {
    return Incidents.of("fp1:npe", "NPE", "order failed\n" + NPE_TRACE);
  }

  RemediationPipeline pipeline(ModelClient model) {
    return RemediationPipeline.builder().codeHost(host).modelClient(model).redactor(new TestRedactor()).auditListener(audit::add)
        .settings(new PipelineSettings(60_000, 600_000, 4, Duration.ofHours(1), 2048, 0, Duration.ofMillis(300), 3, 40_000, 6_000))
        .build();
  }

  /** A fake whose first {@code failures} calls throw, then answers like {@link ScriptedModelClient#stages}. */
  static ScriptedModelClient failingFirst(int failures, Function<Integer, RuntimeException> failure) {
    ScriptedModelClient good = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    AtomicInteger n = new AtomicInteger();
    return new ScriptedModelClient("flaky", r -> {
      int i = n.incrementAndGet();
      if (i <= failures) {
        throw failure.apply(i);
      }
      return good.generate(r);
    });
  }

  @Test
  void throttlingAndServerErrorsAreRetriedWithBackoffThenSucceed() {
    ScriptedModelClient flaky = failingFirst(2, i -> i == 1
        ? new RetriableException("HTTP 429 Too Many Requests", Duration.ofMillis(2), null)
        : new RetriableException("HTTP 503 Service Unavailable"));
    ModelRouter router = ModelRouter.builder().primary(flaky).settings(FAST).build();
    PipelineResult r = pipeline(router).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(flaky.calls()).isEqualTo(5); // 2 failed attempts + 3 stages
    assertThat(r.modelCalls()).isEqualTo(3);
  }

  @Test
  void whenThePrimaryStaysDownTheFallbackAnswers() {
    ScriptedModelClient down = new ScriptedModelClient("down", req -> {
      throw new RetriableException("HTTP 500");
    });
    ScriptedModelClient fallback = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    ModelRouter router = ModelRouter.builder().primary(down).fallback(fallback).settings(FAST).build();
    PipelineResult r = pipeline(router).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(fallback.calls()).isEqualTo(3);
    // 3 attempts for the first stage, then 2 more failures open the breaker (5 in a window of 10): later stages skip it
    assertThat(down.calls()).isEqualTo(5);
    assertThat(router.breakerStates()).containsExactly("OPEN", "CLOSED");
  }

  @Test
  void aTimeoutIsRetriedAndThenFallsBack() {
    ScriptedModelClient slow = new ScriptedModelClient("slow", req -> {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetriableException("interrupted", e);
      }
      throw new AssertionError("not reached");
    });
    ScriptedModelClient fallback = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    ResilienceSettings noRetry = new ResilienceSettings(0, Duration.ofMillis(1), Duration.ofMillis(1), 0, 1, 1, Duration.ofMinutes(1));
    ModelRouter router = ModelRouter.builder().primary(slow).fallback(fallback).settings(noRetry).build();
    long start = System.nanoTime();
    PipelineResult r = pipeline(router).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(slow.calls()).isEqualTo(1); // timed out once, breaker (threshold 1) open afterwards
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(Thread.currentThread().isInterrupted()).as("the timeout's interrupt must not leak to the worker thread").isFalse();
  }

  @Test
  void whenEveryClientIsUnavailableTheIncidentIsRetriedLaterNotReported() {
    ScriptedModelClient down = new ScriptedModelClient("down", req -> {
      throw new RetriableException("HTTP 502");
    });
    ModelRouter router = ModelRouter.builder().primary(down).settings(FAST).build();
    assertThatThrownBy(() -> pipeline(router).process(npe()))
        .isInstanceOf(RetriableException.class)
        .hasMessage("Every model client is unavailable: scripted:down: HTTP 502");
    assertThat(down.calls()).isEqualTo(3);
    assertThat(host.changes).isEmpty();
    assertThat(host.reports).isEmpty();
    assertThat(audit).filteredOn(e -> e instanceof ModelCallEvent)
        .singleElement().extracting(e -> ((ModelCallEvent) e).outcome()).isEqualTo(ModelCallEvent.Outcome.UNAVAILABLE);
  }

  @Test
  void aRefusedRequestIsNeitherRetriedNorSentToTheFallbackAndBecomesAReport() {
    ScriptedModelClient refusing = new ScriptedModelClient("refusing", req -> {
      throw new NonRetriableException("HTTP 400: context length exceeded");
    });
    ScriptedModelClient fallback = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    ModelRouter router = ModelRouter.builder().primary(refusing).fallback(fallback).settings(FAST).build();
    PipelineResult r = pipeline(router).process(npe());
    assertThat(r.report()).contains(ReportReason.MODEL_REFUSED);
    assertThat(r.reasons()).containsExactly("the model service refused the triage request: HTTP 400: context length exceeded");
    assertThat(refusing.calls()).isEqualTo(1);
    assertThat(fallback.calls()).isZero();
  }

  @Test
  void anInvalidAnswerIsRetriedOnceWithTheValidationErrors() {
    AtomicInteger n = new AtomicInteger();
    ScriptedModelClient good = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    ScriptedModelClient model = new ScriptedModelClient("once-wrong", req -> n.incrementAndGet() == 1
        ? ScriptedModelClient.ok("{\"actionable\":true,\"category\":\"BUG\",\"summary\":\"x\",\"confidence\":1.5}")
        : good.generate(req));
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(r.modelCalls()).isEqualTo(4);
    ModelRequest retry = model.requests.get(1);
    assertThat(retry.messages()).hasSize(4);
    String feedback = retry.messages().get(3).content();
    assertThat(feedback).startsWith("Your answer is not valid against the JSON Schema TriageAnswer:")
        .contains("/category: does not have a value in the enumeration").contains("/confidence: must have a maximum value of 1.0");
  }

  @Test
  void anAnswerInvalidTwiceBecomesAReportNeverADefault() {
    ScriptedModelClient model = ScriptedModelClient.stages("{\"actionable\":true}", ANALYSIS_OK, REMEDIATION_OK);
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.report()).contains(ReportReason.INVALID_MODEL_OUTPUT);
    assertThat(model.calls()).isEqualTo(2);
    assertThat(r.reasons()).singleElement().asString()
        .startsWith("the triage answer was invalid twice (after one retry with the errors): ")
        .contains("required property 'category' not found");
    assertThat(host.changes).isEmpty();
    assertThat(host.reports.get(r.key()).body()).contains("invalid model output");
  }

  @Test
  void notJsonFromTheClientIsTreatedAsInvalidOutput() {
    AtomicInteger n = new AtomicInteger();
    ScriptedModelClient good = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    ScriptedModelClient model = new ScriptedModelClient("prose", req -> {
      if (n.incrementAndGet() == 1) {
        throw new InvalidModelOutputException("expected a JSON object, got text starting with 'Sure! Here'");
      }
      return good.generate(req);
    });
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(model.requests.get(1).messages().get(3).content()).contains("the answer is not a JSON document");
  }

  @Test
  void aTruncatedOrMalformedAnswerIsInvalidToo() {
    ScriptedModelClient model = new ScriptedModelClient("cut", req ->
        new ModelResponse("{\"actionable\": tr", new TokenUsage(10, 5), "m", FinishReason.LENGTH));
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.report()).contains(ReportReason.INVALID_MODEL_OUTPUT);
    assertThat(r.reasons().get(0)).contains("cut off at the output-token limit").contains("not a JSON document");
  }

  @Test
  void theIncidentTokenBudgetStopsModelCallsAndReports() {
    ScriptedModelClient model = new ScriptedModelClient("expensive", req ->
        new ModelResponse(TRIAGE_OK, new TokenUsage(2_500, 100), "m", FinishReason.STOP));
    RemediationPipeline p = RemediationPipeline.builder().codeHost(host).modelClient(model).redactor(new TestRedactor())
        .settings(new PipelineSettings(3_000, 600_000, 4, Duration.ofHours(1), 1024, 0, Duration.ofSeconds(5), 3, 40_000, 6_000))
        .build();
    PipelineResult r = p.process(npe());
    assertThat(r.report()).contains(ReportReason.BUDGET_EXHAUSTED);
    assertThat(r.reasons().get(0)).matches("the analysis stage needs about \\d+ tokens but the incident has \\d+ of its 3000 left "
        + "\\(sre-agent.pipeline.incident-token-budget\\)");
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void theHourlyBudgetPostponesTheIncidentWithTheWait() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    RemediationPipeline p = RemediationPipeline.builder().codeHost(host).modelClient(model).redactor(new TestRedactor())
        .settings(new PipelineSettings(60_000, 2_000, 4, Duration.ofHours(1), 1024, 0, Duration.ofSeconds(5), 3, 40_000, 6_000))
        .build();
    assertThatThrownBy(() -> p.process(npe()))
        .isInstanceOfSatisfying(RetriableException.class, e -> assertThat(e.retryAfter()).isPresent())
        .hasMessageStartingWith("The hourly model token budget (2000, sre-agent.pipeline.hourly-token-budget) is used up; retry after ");
    assertThat(host.reports).isEmpty();
  }

  @Test
  void theCallLimitBoundsCallsPerIncident() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, "{}", REMEDIATION_OK);
    RemediationPipeline p = RemediationPipeline.builder().codeHost(host).modelClient(model).redactor(new TestRedactor())
        .settings(new PipelineSettings(60_000, 600_000, 2, Duration.ofHours(1), 1024, 0, Duration.ofSeconds(5), 3, 40_000, 6_000))
        .build();
    PipelineResult r = p.process(npe());
    assertThat(r.report()).contains(ReportReason.BUDGET_EXHAUSTED);
    assertThat(r.reasons()).containsExactly(
        "the analysis stage needs a model call but the incident used its 2 calls (sre-agent.pipeline.max-model-calls)");
    assertThat(model.calls()).isEqualTo(2);
  }
}
