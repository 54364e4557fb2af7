package dev.sreagent.local;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.local.internal.JsonAnswers;
import dev.sreagent.local.internal.ReplayFile;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ModelClient} that calls no model: it answers from a file of recorded request→response pairs
 * ({@link ReplayFile} describes the format), for the offline demo and for tests. It says so in
 * {@link #describe()} ({@code replay[…]}) and logs it when created.
 *
 * <p><b>Matching.</b> The first exchange in file order whose conditions all hold answers: the requested
 * schema's name ({@code ""} for none), a substring of the last user message, the SHA-256 of the last user
 * message. An exchange without conditions matches everything (a catch-all, put it last). A request that
 * no exchange matches is a {@link NonRetriableException} naming the schema and the message's SHA-256, so the
 * missing exchange can be added. As with a real model, an answer to a schema request that is not JSON is an
 * {@link dev.sreagent.spi.InvalidModelOutputException}. Thread safe (immutable).
 */
public final class ReplayModelClient implements ModelClient {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayModelClient.class);

  private final Path file;
  private final List<ReplayFile.Exchange> exchanges;

  private ReplayModelClient(Path file, List<ReplayFile.Exchange> exchanges) {
    this.file = file;
    this.exchanges = exchanges;
  }

  /**
   * @param file the replay file
   * @return the client
   * @throws dev.sreagent.ConfigurationException when the file is missing or invalid
   */
  public static ReplayModelClient fromFile(Path file) {
    ReplayModelClient c = new ReplayModelClient(file, ReplayFile.read(file, LocalModelClientProvider.REPLAY_FILE));
    LOG.info("Model client is a REPLAY of {} recorded answers from {}: no model is called", c.exchanges.size(), file);
    return c;
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    String lastUser = lastUserMessage(request.messages());
    String sha = sha256(lastUser);
    String schema = request.responseSchema().map(ResponseSchema::name).orElse("");
    for (ReplayFile.Exchange x : exchanges) {
      if ((x.schema() == null || x.schema().equals(schema))
          && (x.lastUserContains() == null || lastUser.contains(x.lastUserContains()))
          && (x.lastUserSha256() == null || x.lastUserSha256().equals(sha))) {
        return answer(x, request);
      }
    }
    throw new NonRetriableException("No recorded exchange in replay file " + file + " matches this request (schema '"
        + schema + "', last user message SHA-256 " + sha + "): add one to the file");
  }

  private ModelResponse answer(ReplayFile.Exchange x, ModelRequest request) {
    if (x.errorMessage() != null) {
      String msg = "Replayed failure from " + file + ": " + x.errorMessage();
      throw x.errorRetriable() ? new RetriableException(msg) : new NonRetriableException(msg);
    }
    String text = java.util.Objects.requireNonNull(x.text(), "text");
    request.responseSchema().ifPresent(s -> JsonAnswers.requireJson(text, s, x.model(), x.finishReason()));
    LOG.debug("Replayed a recorded answer of {} from {}", x.model(), file);
    return new ModelResponse(text, new TokenUsage(x.inputTokens(), x.outputTokens()), x.model(), x.finishReason());
  }

  private static String lastUserMessage(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == ChatMessage.Role.USER) {
        return messages.get(i).content();
      }
    }
    return "";
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String describe() {
    return "replay[" + file.getFileName() + ", " + exchanges.size() + " recorded exchanges, no model called]";
  }

  @Override
  public String toString() {
    return describe();
  }
}
