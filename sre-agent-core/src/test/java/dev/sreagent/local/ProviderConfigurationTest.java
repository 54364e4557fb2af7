package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.spi.CodeHostProvider;
import dev.sreagent.spi.LogSourceProvider;
import dev.sreagent.spi.MessageBusProvider;
import dev.sreagent.spi.ModelClientProvider;
import dev.sreagent.spi.Provider;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStoreProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact configuration errors of the local providers: every bad key in one error, each naming the key and the fix. */
class ProviderConfigurationTest {
  @TempDir Path dir;

  private static ProviderContext context(Map<String, String> config) {
    return ProviderContext.of(ConfigProperties.builder().putAll(config).build());
  }

  @Test
  void everyLocalProviderIsRegisteredOnceUnderTheNameLocal() {
    for (Class<? extends Provider<?>> type : List.<Class<? extends Provider<?>>>of(LogSourceProvider.class, MessageBusProvider.class,
        SecretStoreProvider.class, ModelClientProvider.class, CodeHostProvider.class)) {
      List<String> names = ServiceLoader.load(type).stream().map(p -> p.get().name()).toList();
      assertThat(names).as(type.getSimpleName()).containsExactly("local");
    }
  }

  @Test
  void logSourceNeedsAFile() {
    assertThatThrownBy(() -> new LocalLogSourceProvider().create(context(Map.of()))).isInstanceOf(ConfigurationException.class)
        .hasMessage("Missing required configuration sre-agent.local.log-file: set it to the path of the log file to tail "
            + "(or the environment variable SRE_AGENT_LOCAL_LOG_FILE)");
  }

  @Test
  void logSourceReportsEveryBadKeyAtOnce() {
    assertThatThrownBy(() -> new LocalLogSourceProvider().create(context(Map.of(
        "sre-agent.local.log-format", "xml", "sre-agent.local.log-max-line-bytes", "10", "sre-agent.local.log-linger", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.local log source (4 problems): "
            + "Missing required configuration sre-agent.local.log-file: set it to the path of the log file to tail (or the environment variable SRE_AGENT_LOCAL_LOG_FILE); "
            + "Invalid value 'xml' for sre-agent.local.log-format: expected one of auto, json, text; "
            + "Invalid value '10' for sre-agent.local.log-max-line-bytes: expected a whole number from 256 to 1048576; "
            + "Invalid value 'soon' for sre-agent.local.log-linger: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S");
  }

  @Test
  void logSourceReadsItsKeys() {
    Object s = new LocalLogSourceProvider().create(context(Map.of("sre-agent.local.log-file", dir.resolve("x.log").toString(),
        "sre-agent.local.log-format", "TEXT")));
    assertThat(s).hasToString("LocalFileLogSource[" + dir.resolve("x.log") + ", format=text]");
  }

  @Test
  void busReportsEveryBadKeyAtOnce() {
    assertThatThrownBy(() -> new LocalMessageBusProvider().create(context(Map.of(
        "sre-agent.local.bus.visibility-timeout", "0s", "sre-agent.local.bus.max-deliveries", "many"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.local.bus (2 problems): "
            + "Invalid value '0s' for sre-agent.local.bus.visibility-timeout: expected a positive duration such as 30s; "
            + "Invalid value 'many' for sre-agent.local.bus.max-deliveries: expected a whole number such as 10");
  }

  @Test
  void busDefaults() {
    assertThat(new LocalMessageBusProvider().create(context(Map.of())))
        .hasToString("InMemoryMessageBus[visibilityTimeout=PT30S, maxDeliveries=5]");
  }

  @Test
  void modelClientNeedsOneOfTwoKeys() {
    assertThatThrownBy(() -> new LocalModelClientProvider().create(context(Map.of()))).isInstanceOf(ConfigurationException.class)
        .hasMessage("No local model client is configured: set sre-agent.local.model.replay-file to a file of recorded answers (offline), "
            + "or sre-agent.local.model.base-url (with sre-agent.local.model.model) to an OpenAI-compatible server such as http://127.0.0.1:11434/v1");
  }

  @Test
  void modelClientRefusesPlainHttpToARemoteHostInProductionAndNeedsAModel() {
    assertThatThrownBy(() -> new LocalModelClientProvider().create(context(Map.of(
        "sre-agent.mode", "production", "sre-agent.local.model.base-url", "http://models.internal:8000/v1",
        "sre-agent.local.model.timeout", "-1s"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.local model client (3 problems): "
            + "Plain-http endpoint http://models.internal:8000/v1 for sre-agent.local.model.base-url is refused in production mode "
            + "(sre-agent.mode=production): use https://models.internal:8000/v1 (plain http is allowed only to loopback); "
            + "Missing required configuration sre-agent.local.model.model: set it to the model name the server serves "
            + "(or the environment variable SRE_AGENT_LOCAL_MODEL_MODEL); "
            + "Invalid value '-1s' for sre-agent.local.model.timeout: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S");
  }

  @Test
  void modelClientAllowsPlainHttpToLoopbackInProduction() {
    assertThat(new LocalModelClientProvider().create(context(Map.of("sre-agent.mode", "production",
        "sre-agent.local.model.base-url", "http://127.0.0.1:11434/v1/", "sre-agent.local.model.model", "llama3.1"))).describe())
        .isEqualTo("openai-compatible[llama3.1 at http://127.0.0.1:11434/v1]");
  }

  @Test
  void modelClientNeedsASecretStoreForItsApiKey() {
    assertThatThrownBy(() -> new LocalModelClientProvider().create(context(Map.of("sre-agent.local.model.base-url", "https://api.example.com/v1",
        "sre-agent.local.model.model", "m", "sre-agent.local.model.api-key-secret", "MODEL_KEY"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("No secret store is available here");
  }

  @Test
  void codeHostNeedsARepository() {
    assertThatThrownBy(() -> new LocalCodeHostProvider().create(context(Map.of("sre-agent.local.base-branch", "-x",
        "sre-agent.local.git-timeout", "0s"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.local code host (3 problems): "
            + "Missing required configuration sre-agent.local.repo: set it to the path of a git repository (or the environment variable SRE_AGENT_LOCAL_REPO); "
            + "Invalid value '-x' for sre-agent.local.base-branch: expected a branch name such as main; "
            + "Invalid value '0s' for sre-agent.local.git-timeout: expected a positive duration such as 30s");
  }

  @Test
  void codeHostRefusesADirectoryThatIsNotARepository() {
    assertThatThrownBy(() -> new LocalCodeHostProvider().create(context(Map.of("sre-agent.local.repo", dir.toString()))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Repository " + dir + " (sre-agent.local.repo) is not a git repository: run 'git init' there or point the key at a clone");
  }

  @Test
  void codeHostNamesAMissingGitExecutable() {
    assertThatThrownBy(() -> new LocalCodeHostProvider().create(context(Map.of("sre-agent.local.repo", dir.toString(),
        "sre-agent.local.git", dir.resolve("no-git").toString()))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Cannot run the git executable '" + dir.resolve("no-git") + "': ")
        .hasMessageEndingWith(": install git or set sre-agent.local.git to its path");
  }
}
