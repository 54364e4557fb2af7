package dev.sreagent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {
  @TempDir Path dir;

  private static SecretStore create(Map<String, String> config) {
    return new LocalSecretStoreProvider().create(ProviderContext.of(ConfigProperties.builder().putAll(config).build()));
  }

  @Test
  void trimsOneTrailingNewlineAsKubernetesMountsWriteIt() throws IOException {
    String value = "t-" + UUID.randomUUID();
    Files.writeString(dir.resolve("lf"), value + "\n");
    Files.writeString(dir.resolve("crlf"), value + "\r\n");
    Files.writeString(dir.resolve("two"), value + "\n\n");
    Files.writeString(dir.resolve("none"), value);
    DirectorySecretStore s = DirectorySecretStore.of(dir);
    assertThat(s.get("lf").reveal()).isEqualTo(value);
    assertThat(s.get("crlf").reveal()).isEqualTo(value);
    assertThat(s.get("two").reveal()).isEqualTo(value + "\n");
    assertThat(s.get("none").reveal()).isEqualTo(value);
  }

  @Test
  void followsKubernetesDataLinksInsideTheDirectory() throws IOException {
    Path data = Files.createDirectory(dir.resolve("..2026_01_01"));
    Files.writeString(data.resolve("token"), "v1\n");
    Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("token"), Path.of("..data/token"));
    assertThat(DirectorySecretStore.of(dir).get("token").reveal()).isEqualTo("v1");
  }

  @Test
  void refusesNamesThatCouldLeaveTheDirectory() {
    DirectorySecretStore s = DirectorySecretStore.of(dir);
    for (String bad : new String[] {"../etc/passwd", "a/b", ".hidden", "..data", "", "x\0y"}) {
      assertThatThrownBy(() -> s.get(bad)).as(bad).isInstanceOf(NonRetriableException.class)
          .hasMessageEndingWith("': use 1-253 characters of A-Z, a-z, 0-9, '.', '_', '-', not starting with '.'");
    }
  }

  @Test
  void refusesALinkPointingOutsideTheDirectory(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("elsewhere"), "x");
    Files.createSymbolicLink(dir.resolve("escape"), outside.resolve("elsewhere"));
    assertThatThrownBy(() -> DirectorySecretStore.of(dir).get("escape")).isInstanceOf(NonRetriableException.class)
        .hasMessage("Secret 'escape' resolves outside " + dir.toAbsolutePath().normalize() + ": refused");
  }

  @Test
  void aMissingFileNamesTheSecretAndTheFix() {
    assertThatThrownBy(() -> DirectorySecretStore.of(dir).get("github-token")).isInstanceOf(NonRetriableException.class)
        .hasMessage("Secret 'github-token' not found: there is no file github-token in " + dir.toAbsolutePath().normalize()
            + " (mount the secret there or fix sre-agent.local.secrets-dir)");
  }

  @Test
  void theEnvironmentStoreReadsVariablesAndNamesAMissingOne() {
    String value = "e-" + UUID.randomUUID();
    SecretStore s = EnvironmentSecretStore.of(Map.of("GITHUB_TOKEN", value));
    assertThat(s.get("GITHUB_TOKEN").reveal()).isEqualTo(value);
    assertThat(s.toString()).isEqualTo("EnvironmentSecretStore[1 variables]");
    assertThatThrownBy(() -> s.get("MODEL_KEY")).isInstanceOf(NonRetriableException.class)
        .hasMessage("Secret 'MODEL_KEY' not found: the environment variable MODEL_KEY is not set");
    assertThatThrownBy(() -> s.get("model-key")).isInstanceOf(NonRetriableException.class)
        .hasMessage("Invalid secret name 'model-key' for the environment secret store: use an environment variable name such as GITHUB_TOKEN");
  }

  @Test
  void theProviderPicksTheDirectoryWhenConfigured() {
    assertThat(create(Map.of("sre-agent.local.secrets-dir", dir.toString()))).isInstanceOf(DirectorySecretStore.class);
    assertThat(create(Map.of("sre-agent.local.secrets-dir", dir.toString(), "sre-agent.mode", "production")))
        .isInstanceOf(DirectorySecretStore.class);
    assertThat(create(Map.of())).isInstanceOf(EnvironmentSecretStore.class);
  }

  @Test
  void theEnvironmentStoreIsRefusedInProduction() {
    assertThatThrownBy(() -> create(Map.of("sre-agent.mode", "production"))).isInstanceOf(ConfigurationException.class)
        .hasMessage("The environment-variable secret store is refused in production mode (sre-agent.mode=production): set "
            + "sre-agent.local.secrets-dir to a mounted secret volume, or add a cloud secret manager module "
            + "(sre-agent-gcp, sre-agent-aws or sre-agent-azure) and set sre-agent.secret-store");
  }

  @Test
  void aMissingDirectoryIsAConfigurationError() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> create(Map.of("sre-agent.local.secrets-dir", missing.toString()))).isInstanceOf(ConfigurationException.class)
        .hasMessage("Secrets directory " + missing + " (sre-agent.local.secrets-dir) does not exist or is not a directory: "
            + "create it or mount the secret volume there");
  }
}
