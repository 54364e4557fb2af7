package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayModelClientTest {
  @TempDir Path dir;
  private static final ResponseSchema TRIAGE = new ResponseSchema("triage", "{\"type\":\"object\"}");

  private Path file(String json) throws IOException {
    Path f = dir.resolve("replay.json");
    Files.writeString(f, json);
    return f;
  }

  private static ModelRequest request(ResponseSchema schema, String user) {
    return new ModelRequest(List.of(ChatMessage.system("sys"), ChatMessage.user("first"), ChatMessage.user(user)), schema, 100, 0, Duration.ofSeconds(5));
  }

  @Test
  void matchesBySchemaSubstringAndHashFirstMatchWins() throws IOException {
    String sha = ReplayModelClient.sha256("exact message");
    ReplayModelClient c = ReplayModelClient.fromFile(file("{\"exchanges\":["
        + "{\"match\":{\"lastUserSha256\":\"" + sha.toUpperCase() + "\"},\"response\":{\"text\":\"by hash\"}},"
        + "{\"match\":{\"schema\":\"triage\",\"lastUserContains\":\"NullPointerException\"},"
        + "\"response\":{\"text\":{\"actionable\":true},\"model\":\"gpt-x\",\"inputTokens\":5,\"outputTokens\":2,\"finishReason\":\"length\"}},"
        + "{\"match\":{\"schema\":\"\"},\"response\":{\"text\":\"no schema\"}},"
        + "{\"match\":{\"schema\":\"triage\"},\"response\":{\"text\":\"{\\\"actionable\\\":false}\"}}"
        + "]}"));
    assertThat(c.generate(request(null, "exact message")).text()).isEqualTo("by hash");
    ModelResponse r = c.generate(request(TRIAGE, "a NullPointerException in OrderService"));
    assertThat(r).isEqualTo(new ModelResponse("{\"actionable\":true}", new dev.sreagent.spi.TokenUsage(5, 2), "gpt-x", FinishReason.LENGTH));
    assertThat(c.generate(request(null, "anything")).text()).isEqualTo("no schema");
    assertThat(c.generate(request(TRIAGE, "other")).text()).isEqualTo("{\"actionable\":false}");
    assertThat(c.generate(request(TRIAGE, "other")).modelId()).isEqualTo("replay");
    assertThat(c.describe()).isEqualTo("replay[replay.json, 4 recorded exchanges, no model called]");
  }

  @Test
  void onlyTheLastUserMessageIsMatched() throws IOException {
    ReplayModelClient c = ReplayModelClient.fromFile(file("{\"exchanges\":[{\"match\":{\"lastUserContains\":\"first\"},\"response\":{\"text\":\"x\"}}]}"));
    assertThatThrownBy(() -> c.generate(request(null, "second"))).isInstanceOf(NonRetriableException.class)
        .hasMessage("No recorded exchange in replay file " + dir.resolve("replay.json") + " matches this request (schema '', "
            + "last user message SHA-256 " + ReplayModelClient.sha256("second") + "): add one to the file");
  }

  @Test
  void aRecordedNonJsonAnswerToASchemaRequestIsInvalidOutput() throws IOException {
    ReplayModelClient c = ReplayModelClient.fromFile(file("{\"exchanges\":[{\"response\":{\"text\":\"Sure!\",\"model\":\"m\"}}]}"));
    assertThatThrownBy(() -> c.generate(request(TRIAGE, "x"))).isInstanceOf(InvalidModelOutputException.class)
        .hasMessage("The answer of model 'm' is not valid JSON at line 1 column 1: a JSON document for schema 'triage' was requested");
  }

  @Test
  void replaysRecordedFailures() throws IOException {
    ReplayModelClient c = ReplayModelClient.fromFile(file("{\"exchanges\":["
        + "{\"match\":{\"lastUserContains\":\"busy\"},\"error\":{\"retriable\":true,\"message\":\"recorded 503\"}},"
        + "{\"error\":{\"message\":\"recorded 400\"}}]}"));
    assertThatThrownBy(() -> c.generate(request(null, "busy"))).isExactlyInstanceOf(RetriableException.class)
        .hasMessage("Replayed failure from " + dir.resolve("replay.json") + ": recorded 503");
    assertThatThrownBy(() -> c.generate(request(null, "x"))).isExactlyInstanceOf(NonRetriableException.class);
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() throws IOException {
    Path f = file("{\"exchanges\":[{\"match\":{\"shema\":\"x\"},\"response\":{}},{\"response\":{\"text\":\"a\"},\"error\":{}},"
        + "{\"match\":{\"lastUserSha256\":\"abc\"},\"response\":{\"text\":\"a\",\"outputTokens\":-1}}]}");
    assertThatThrownBy(() -> ReplayModelClient.fromFile(f)).isInstanceOf(ConfigurationException.class)
        .hasMessage("Replay file " + f + " (sre-agent.local.model.replay-file) is invalid: "
            + "exchange 1: match.unknown key \"shema\" (expected one of [lastUserContains, lastUserSha256, schema]); "
            + "exchange 1: response.text is missing; "
            + "exchange 2: give exactly one of \"response\" and \"error\"; "
            + "exchange 3: token counts cannot be negative; "
            + "exchange 3: match.lastUserSha256 must be 64 hex digits");
  }

  @Test
  void namesAMissingOrMalformedFile() throws IOException {
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> ReplayModelClient.fromFile(missing)).isInstanceOf(ConfigurationException.class)
        .hasMessage("Replay file " + missing + " (sre-agent.local.model.replay-file) does not exist: record one or fix the path");
    Path bad = file("{\"exchanges\": [\n  {,}\n]}");
    assertThatThrownBy(() -> ReplayModelClient.fromFile(bad)).isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Replay file " + bad + " (sre-agent.local.model.replay-file) is not valid JSON at line 2 column 4: ");
    Path noArray = file("{\"answers\": []}");
    assertThatThrownBy(() -> ReplayModelClient.fromFile(noArray)).isInstanceOf(ConfigurationException.class)
        .hasMessage("Replay file " + noArray + " (sre-agent.local.model.replay-file) is invalid: expected an object with an \"exchanges\" array");
  }
}
