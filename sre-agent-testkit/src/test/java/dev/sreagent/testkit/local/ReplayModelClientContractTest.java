package dev.sreagent.testkit.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.local.LocalModelClientProvider;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.testkit.CannedAnswer;
import dev.sreagent.testkit.ModelClientContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;

/** The replay client, served a one-entry catch-all replay file. */
class ReplayModelClientContractTest extends ModelClientContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Override
  protected ModelClient clientAnswering(CannedAnswer answer) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode response = root.putArray("exchanges").addObject().putObject("response");
    response.put("text", answer.text()).put("model", answer.modelId()).put("inputTokens", answer.inputTokens())
        .put("outputTokens", answer.outputTokens()).put("finishReason", openAiWord(answer.finishReason()));
    Path file = dir.resolve("replay.json");
    try {
      Files.writeString(file, root.toPrettyString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConfigProperties config = ConfigProperties.builder().put(LocalModelClientProvider.REPLAY_FILE, file.toString()).build();
    return new LocalModelClientProvider().create(ProviderContext.of(config));
  }

  static String openAiWord(FinishReason r) {
    return switch (r) {
      case STOP -> "stop";
      case LENGTH -> "length";
      case CONTENT_FILTER -> "content_filter";
      case TOOL_USE -> "tool_calls";
      case OTHER -> r.name().toLowerCase(Locale.ROOT);
    };
  }
}
