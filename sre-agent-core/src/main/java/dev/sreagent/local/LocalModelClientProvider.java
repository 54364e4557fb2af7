package dev.sreagent.local;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ModelClientProvider;
import dev.sreagent.spi.ProviderContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code local} {@link ModelClientProvider}. With {@value #REPLAY_FILE}: a {@link ReplayModelClient}.
 * Else with {@value #BASE_URL}: an {@link OpenAiCompatibleModelClient} ({@value #MODEL} required,
 * {@value #API_KEY_SECRET} the NAME of a secret, optional, {@value #TIMEOUT} default 120s); plain http is
 * refused in production mode unless the host is loopback. Neither: a {@link ConfigurationException} naming both keys.
 */
public final class LocalModelClientProvider implements ModelClientProvider {
  /** A replay file of recorded answers. */
  public static final String REPLAY_FILE = "sre-agent.local.model.replay-file";
  /** The OpenAI-compatible API base URL, e.g. http://127.0.0.1:11434/v1. */
  public static final String BASE_URL = "sre-agent.local.model.base-url";
  /** The model name. */
  public static final String MODEL = "sre-agent.local.model.model";
  /** The name of the secret holding the API key. */
  public static final String API_KEY_SECRET = "sre-agent.local.model.api-key-secret";
  /** Upper bound of one call. */
  public static final String TIMEOUT = "sre-agent.local.model.timeout";

  static final String NEITHER = "No local model client is configured: set " + REPLAY_FILE
      + " to a file of recorded answers (offline), or " + BASE_URL + " (with " + MODEL
      + ") to an OpenAI-compatible server such as http://127.0.0.1:11434/v1";

  /** For {@link java.util.ServiceLoader}. */
  public LocalModelClientProvider() {}

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public ModelClient create(ProviderContext context) {
    ConfigReader r = ConfigReader.of(context.config(), "sre-agent.local model client");
    Optional<Path> replay = r.path(REPLAY_FILE);
    if (replay.isPresent()) {
      r.validate();
      return ReplayModelClient.fromFile(replay.get());
    }
    if (r.optional(BASE_URL).isEmpty()) {
      throw new ConfigurationException(NEITHER);
    }
    Optional<URI> base = r.endpoint(BASE_URL);
    String model = r.required(MODEL, "the model name the server serves");
    Optional<String> secret = r.optional(API_KEY_SECRET);
    Duration timeout = r.positiveDuration(TIMEOUT, Duration.ofSeconds(120));
    r.validate();
    OpenAiCompatibleModelClient.Builder b = OpenAiCompatibleModelClient.builder(base.orElseThrow(), model)
        .timeout(timeout).clock(context.clock());
    secret.ifPresent(name -> b.apiKey(context.secrets(), name));
    return b.build();
  }
}
