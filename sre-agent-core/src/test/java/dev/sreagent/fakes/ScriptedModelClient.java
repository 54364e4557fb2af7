package dev.sreagent.fakes;

import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.TokenUsage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Test fake of {@link ModelClient}: answers from a script chosen by the schema name of the request
 * (TriageAnswer, AnalysisAnswer, RemediationAnswer), each step either text or a thrown exception. Records
 * every request.
 */
public final class ScriptedModelClient implements ModelClient {
  private final String name;
  private final Function<ModelRequest, ModelResponse> answer;
  public final List<ModelRequest> requests = Collections.synchronizedList(new ArrayList<>());

  public ScriptedModelClient(String name, Function<ModelRequest, ModelResponse> answer) {
    this.name = name;
    this.answer = answer;
  }

  /** A client answering each stage with a fixed JSON text. */
  public static ScriptedModelClient stages(String triage, String analysis, String remediation) {
    return new ScriptedModelClient("scripted", r -> {
      String schema = r.responseSchema().orElseThrow().name();
      String text = switch (schema) {
        case "TriageAnswer" -> triage;
        case "AnalysisAnswer" -> analysis;
        case "RemediationAnswer" -> remediation;
        default -> throw new IllegalStateException(schema);
      };
      return ok(text);
    });
  }

  public static ModelResponse ok(String text) {
    return new ModelResponse(text, new TokenUsage(100 + text.length() / 4, text.length() / 4), "fake-model-1", FinishReason.STOP);
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    requests.add(request);
    return answer.apply(request);
  }

  public int calls() {
    return requests.size();
  }

  /** @return how many requests carried the schema {@code name} */
  public long callsFor(String schemaName) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.responseSchema().map(s -> s.name().equals(schemaName)).orElse(false)).count();
    }
  }

  @Override
  public String describe() {
    return "scripted:" + name;
  }
}
