package dev.sreagent.aws;

import dev.sreagent.NonRetriableException;
import dev.sreagent.aws.internal.AwsClients;
import dev.sreagent.aws.internal.AwsErrors;
import dev.sreagent.aws.internal.Documents;
import dev.sreagent.spi.ChatMessage;
import dev.sreagent.spi.FinishReason;
import dev.sreagent.spi.InvalidModelOutputException;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelRequest;
import dev.sreagent.spi.ModelResponse;
import dev.sreagent.spi.ResponseSchema;
import dev.sreagent.spi.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * A {@link ModelClient} over Amazon Bedrock Runtime's model-agnostic Converse API.
 *
 * <p>System messages become Converse's {@code system} blocks; user and assistant messages its
 * {@code messages} (consecutive messages of one role are merged, as Converse requires alternating roles).
 * Structured output uses a forced tool: the request's {@link ResponseSchema} is the input schema of a tool
 * named after it, {@code toolChoice} forces the model to call it, and the tool call's input is the answer
 * (checked to be JSON; anything else is an {@link InvalidModelOutputException}). Usage tokens and the stop
 * reason come from the response; a completed forced-tool call is reported as {@link FinishReason#STOP}, since
 * the tool is only the channel of the answer (Converse's {@code max_tokens} is {@link FinishReason#LENGTH}).
 * The model id reported is the configured one (Converse does not echo it). The request's timeout bounds the
 * whole call.
 *
 * <p>Errors go through the module's one mapper: throttling, 5xx, model-not-ready and timeouts are
 * retriable; a prompt too long for the model is non-retriable and says so; access not granted to the model
 * says to enable it in the Bedrock console.
 *
 * <p>Thread safe. Create it with {@link #builder()} or through {@link AwsBedrockModelClientProvider}
 * ({@code sre-agent.model-client=aws}).
 */
public final class AwsBedrockModelClient implements ModelClient {
  private final AwsBedrockConfig config;
  private final BedrockRuntimeClient client;
  private final boolean ownsClient;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AwsBedrockModelClient(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
    } else {
      this.client = AwsClients.build(BedrockRuntimeClient.builder(), config.client(), b.credentials, "Bedrock Runtime");
      this.ownsClient = true;
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ModelResponse generate(ModelRequest request) {
    if (closed.get()) {
      throw new IllegalStateException("AwsBedrockModelClient is closed");
    }
    ConverseRequest.Builder req = ConverseRequest.builder()
        .modelId(config.modelId())
        .system(systemBlocks(request.messages()))
        .messages(conversation(request.messages()))
        .inferenceConfig(InferenceConfiguration.builder()
            .maxTokens(request.maxOutputTokens())
            .temperature((float) request.temperature())
            .build())
        .overrideConfiguration(o -> o.apiCallTimeout(request.timeout()));
    ResponseSchema schema = request.schema();
    if (schema != null) {
      req.toolConfig(forcedTool(schema));
    }
    ConverseResponse resp;
    try {
      resp = client.converse(req.build());
    } catch (SdkException e) {
      throw AwsErrors.translate("bedrock:InvokeModel", "model " + config.modelId(), e);
    }
    // a completed forced-tool call is the structured answer, finished normally: STOP, not TOOL_USE
    FinishReason finish = schema != null && resp.stopReason() == StopReason.TOOL_USE ? FinishReason.STOP
        : finishReason(resp.stopReason());
    TokenUsage usage = resp.usage() == null ? TokenUsage.ZERO
        : new TokenUsage(orZero(resp.usage().inputTokens()), orZero(resp.usage().outputTokens()));
    List<ContentBlock> content = resp.output() == null || resp.output().message() == null ? List.of()
        : resp.output().message().content();
    String text = schema == null ? text(content) : structured(schema, content, resp.stopReasonAsString());
    return new ModelResponse(text, usage, config.modelId(), finish);
  }

  private static List<SystemContentBlock> systemBlocks(List<ChatMessage> messages) {
    List<SystemContentBlock> out = new ArrayList<>();
    for (ChatMessage m : messages) {
      if (m.role() == ChatMessage.Role.SYSTEM) {
        out.add(SystemContentBlock.fromText(m.content()));
      }
    }
    return out;
  }

  private static List<Message> conversation(List<ChatMessage> messages) {
    List<Message> out = new ArrayList<>();
    ConversationRole role = null;
    List<ContentBlock> blocks = new ArrayList<>();
    for (ChatMessage m : messages) {
      if (m.role() == ChatMessage.Role.SYSTEM) {
        continue;
      }
      ConversationRole r = m.role() == ChatMessage.Role.USER ? ConversationRole.USER : ConversationRole.ASSISTANT;
      if (role != null && r != role) {
        out.add(Message.builder().role(role).content(blocks).build());
        blocks = new ArrayList<>();
      }
      role = r;
      blocks.add(ContentBlock.fromText(m.content()));
    }
    if (role == null) {
      throw new IllegalArgumentException("Bedrock Converse needs at least one user message; the request has only system messages");
    }
    out.add(Message.builder().role(role).content(blocks).build());
    return out;
  }

  private static ToolConfiguration forcedTool(ResponseSchema schema) {
    Document inputSchema;
    try {
      inputSchema = Documents.fromJson(schema.jsonSchema());
    } catch (IllegalArgumentException e) {
      throw new NonRetriableException("The response schema " + schema.name() + " is not valid JSON: " + e.getMessage(), e);
    }
    return ToolConfiguration.builder()
        .tools(Tool.fromToolSpec(ToolSpecification.builder()
            .name(schema.name())
            .description("Give the answer as the input of this tool; it must satisfy the input schema.")
            .inputSchema(ToolInputSchema.fromJson(inputSchema))
            .build()))
        .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder().name(schema.name()).build()))
        .build();
  }

  private String structured(ResponseSchema schema, List<ContentBlock> content, @Nullable String stopReason) {
    for (ContentBlock b : content) {
      ToolUseBlock use = b.toolUse();
      if (use != null && schema.name().equals(use.name())) {
        if (use.input() == null) {
          throw new InvalidModelOutputException("Model " + config.modelId() + " called the tool " + schema.name()
              + " without input (stop reason " + stopReason + ")");
        }
        if (use.input().isString()) {
          // some models put the JSON in a string: accept it only if it is a JSON object or array
          return Documents.jsonText(use.input().asString()).orElseThrow(() -> new InvalidModelOutputException("Model "
              + config.modelId() + " called the tool " + schema.name() + " with a string that is not JSON"));
        }
        return Documents.toJson(use.input());
      }
    }
    String cut = "max_tokens".equals(stopReason) ? "; the answer was cut at maxOutputTokens, raise it" : "";
    throw new InvalidModelOutputException("Model " + config.modelId() + " answered without calling the forced tool "
        + schema.name() + " (stop reason " + stopReason + "), so there is no structured output" + cut);
  }

  private static String text(List<ContentBlock> content) {
    StringBuilder sb = new StringBuilder();
    for (ContentBlock b : content) {
      if (b.text() != null) {
        sb.append(b.text());
      }
    }
    return sb.toString();
  }

  static FinishReason finishReason(@Nullable StopReason r) {
    if (r == null) {
      return FinishReason.OTHER;
    }
    return switch (r) {
      case END_TURN, STOP_SEQUENCE -> FinishReason.STOP;
      case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> FinishReason.LENGTH;
      case TOOL_USE -> FinishReason.TOOL_USE;
      case CONTENT_FILTERED, GUARDRAIL_INTERVENED -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }

  private static long orZero(@Nullable Integer i) {
    return i == null ? 0 : Math.max(0, i);
  }

  @Override
  public String describe() {
    return "aws bedrock " + config.modelId() + config.client().region().map(r -> " in " + r).orElse("");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "AwsBedrockModelClient[" + config.modelId() + "]";
  }

  /** Builds an {@link AwsBedrockModelClient}. Not thread safe. */
  public static final class Builder {
    private @Nullable AwsBedrockConfig config;
    private @Nullable BedrockRuntimeClient client;
    private @Nullable AwsCredentialsProvider credentials;

    private Builder() {}

    /** The configuration (required). */
    public Builder config(AwsBedrockConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** A client the host built and owns (not closed by this client). */
    public Builder client(BedrockRuntimeClient value) {
      this.client = Objects.requireNonNull(value, "client");
      return this;
    }

    /** Credentials to use instead of the SDK default chain. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentials = Objects.requireNonNull(value, "credentialsProvider");
      return this;
    }

    /** @return the client */
    public AwsBedrockModelClient build() {
      if (config == null) {
        throw new IllegalStateException("config is required: AwsBedrockModelClient.builder().config(AwsBedrockConfig.from(properties))");
      }
      return new AwsBedrockModelClient(this);
    }
  }
}
