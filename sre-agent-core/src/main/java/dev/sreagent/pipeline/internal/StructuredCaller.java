package dev.sreagent.pipeline.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sreagent.NonRetriableException;
import dev.sreagent.audit.Auditor;
import dev.sreagent.audit.ModelCallEvent;
import dev.sreagent.pipeline.ReportReason;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks the model for an answer of a record type: sends the JSON Schema generated from the record,
 * validates the answer against it, asks once more with the validation errors when it is invalid, and
 * fails the stage ({@link ReportReason#INVALID_MODEL_OUTPUT}) when the second answer is invalid too. Never
 * fills in a default. Every call is checked against the incident's and the hour's budget and audited.
 * Thread safe.
 */
public final class StructuredCaller {
  private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<Class<?>, Compiled> SCHEMAS = new ConcurrentHashMap<>();
  private static final int MAX_ERRORS = 8;

  private final ModelClient model;
  private final HourlyTokenBudget hourly;
  private final Auditor auditor;
  private final Clock clock;
  private final int maxOutputTokens;
  private final double temperature;
  private final Duration timeout;

  private record Compiled(ResponseSchema wire, Schema validator) {}

  /**
   * @param model the (routed, resilient) model client
   * @param hourly the process-wide hourly budget
   * @param auditor receives one event per call
   * @param clock time source for latency and audit
   * @param maxOutputTokens output-token cap per call
   * @param temperature sampling temperature
   * @param timeout per-call timeout
   */
  public StructuredCaller(ModelClient model, HourlyTokenBudget hourly, Auditor auditor, Clock clock, int maxOutputTokens,
      double temperature, Duration timeout) {
    this.model = model;
    this.hourly = hourly;
    this.auditor = auditor;
    this.clock = clock;
    this.maxOutputTokens = maxOutputTokens;
    this.temperature = temperature;
    this.timeout = timeout;
  }

  /** @return the schema sent to the model for {@code type} */
  public static ResponseSchema schemaFor(Class<? extends Record> type) {
    return compiled(type).wire();
  }

  private static Compiled compiled(Class<? extends Record> type) {
    return SCHEMAS.computeIfAbsent(type, t -> {
      @SuppressWarnings("unchecked")
      Class<? extends Record> r = (Class<? extends Record>) t;
      String json = JsonSchemaGenerator.schemaOf(r).toString();
      return new Compiled(new ResponseSchema(t.getSimpleName(), json), REGISTRY.getSchema(json));
    });
  }

  /**
   * @param run the incident's state (budget, redaction)
   * @param stage the stage name for audit and reasons
   * @param type the answer's record type
   * @param system the system message
   * @param user the user message (untrusted text already fenced and redacted)
   * @return the valid answer
   * @throws StageFailure when the answer stays invalid, the incident's budget is used up, or the model refuses
   * @throws dev.sreagent.RetriableException when the model is unavailable or the hourly budget is used up
   */
  public <T extends Record> T ask(IncidentRun run, String stage, Class<T> type, String system, String user) {
    Compiled schema = compiled(type);
    List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system(system), ChatMessage.user(user)));
    Attempt first = attempt(run, stage, schema, messages);
    if (first.errors().isEmpty()) {
      return decode(run, stage, type, first.raw());
    }
    messages.add(ChatMessage.user(run.redact("Your answer is not valid against the JSON Schema " + schema.wire().name() + ":\n- "
        + String.join("\n- ", first.errors()) + "\nAnswer again with one JSON object that satisfies the schema, and nothing else.")));
    Attempt second = attempt(run, stage, schema, messages);
    if (second.errors().isEmpty()) {
      return decode(run, stage, type, second.raw());
    }
    throw new StageFailure(ReportReason.INVALID_MODEL_OUTPUT, List.of("the " + stage
        + " answer was invalid twice (after one retry with the errors): " + run.redact(String.join("; ", second.errors()))));
  }

  /** What one call gave: the raw answer and its validation errors (empty when valid). */
  private record Attempt(List<String> errors, String raw) {}

  /** One call; appends the (redacted) answer to {@code messages}. */
  private Attempt attempt(IncidentRun run, String stage, Compiled schema, List<ChatMessage> messages) {
    long estimate = estimateTokens(messages) + maxOutputTokens;
    try {
      run.admit(stage, estimate);
    } catch (StageFailure e) {
      audit(run, stage, model.describe(), TokenUsage.ZERO, Duration.ZERO, ModelCallEvent.Outcome.BUDGET_EXHAUSTED);
      throw e;
    }
    hourly.reserve(estimate);
    Instant start = clock.instant();
    ModelResponse response;
    try {
      response = model.generate(new ModelRequest(messages, schema.wire(), maxOutputTokens, temperature, timeout));
    } catch (InvalidModelOutputException e) {
      hourly.settle(estimate, 0);
      run.recordCall(TokenUsage.ZERO, "");
      audit(run, stage, model.describe(), TokenUsage.ZERO, Duration.between(start, clock.instant()), ModelCallEvent.Outcome.INVALID_OUTPUT);
      messages.add(ChatMessage.assistant("(an answer that was not JSON)"));
      return new Attempt(List.of("the answer is not a JSON document: " + run.redact(String.valueOf(e.getMessage()))), "");
    } catch (NonRetriableException e) {
      hourly.settle(estimate, 0);
      audit(run, stage, model.describe(), TokenUsage.ZERO, Duration.between(start, clock.instant()), ModelCallEvent.Outcome.REFUSED);
      throw new StageFailure(ReportReason.MODEL_REFUSED, List.of("the model service refused the " + stage + " request: "
          + run.redact(String.valueOf(e.getMessage()))));
    } catch (RuntimeException e) {
      hourly.settle(estimate, 0);
      audit(run, stage, model.describe(), TokenUsage.ZERO, Duration.between(start, clock.instant()), ModelCallEvent.Outcome.UNAVAILABLE);
      throw e;
    }
    Duration latency = Duration.between(start, clock.instant());
    hourly.settle(estimate, response.usage().total());
    run.recordCall(response.usage(), response.modelId());
    List<String> errors = validate(schema, response);
    audit(run, stage, response.modelId(), response.usage(), latency,
        errors.isEmpty() ? ModelCallEvent.Outcome.OK : ModelCallEvent.Outcome.INVALID_OUTPUT);
    messages.add(ChatMessage.assistant(run.redact(response.text())));
    return new Attempt(errors, response.text());
  }

  private static List<String> validate(Compiled schema, ModelResponse response) {
    List<String> errors = new ArrayList<>();
    if (response.finishReason() == FinishReason.LENGTH) {
      errors.add("the answer was cut off at the output-token limit; answer more briefly");
    }
    JsonNode node;
    try {
      node = JSON.readTree(response.text());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      errors.add("the answer is not a JSON document: " + e.getOriginalMessage());
      return errors;
    }
    if (node == null || node.isMissingNode()) {
      errors.add("the answer is empty");
      return errors;
    }
    List<Error> found = schema.validator().validate(node);
    for (Error e : found.subList(0, Math.min(found.size(), MAX_ERRORS))) {
      errors.add(e.toString());
    }
    if (found.size() > MAX_ERRORS) {
      errors.add("and " + (found.size() - MAX_ERRORS) + " more errors");
    }
    return errors;
  }

  private static <T extends Record> T decode(IncidentRun run, String stage, Class<T> type, String text) {
    try {
      return JSON.readValue(text, type);
    } catch (java.io.IOException | RuntimeException e) {
      throw new StageFailure(ReportReason.INVALID_MODEL_OUTPUT, List.of("the " + stage + " answer satisfies the schema but cannot be read as "
          + type.getSimpleName() + ": " + run.redact(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))));
    }
  }

  private void audit(IncidentRun run, String stage, String modelId, TokenUsage usage, Duration latency, ModelCallEvent.Outcome outcome) {
    auditor.record(new ModelCallEvent(clock.instant(), run.fingerprint(), stage, modelId, usage.inputTokens(), usage.outputTokens(),
        latency, outcome));
  }

  /** @return a conservative token estimate: one token per three characters */
  static long estimateTokens(List<ChatMessage> messages) {
    long chars = 0;
    for (ChatMessage m : messages) {
      chars += m.content().length();
    }
    return chars / 3 + 16L * messages.size();
  }
}
