package dev.sreagent.testkit.local;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.local.LocalSecretStoreProvider;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.testkit.SecretStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Secrets as files, written the way Kubernetes mounts them (with a trailing newline), read through the provider. */
class DirectorySecretStoreContractTest extends SecretStoreContract {
  @TempDir Path dir;

  @Override
  protected SecretStore createStore(Map<String, String> secrets) {
    secrets.forEach((name, value) -> {
      try {
        Files.writeString(dir.resolve(name), value + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    ConfigProperties config = ConfigProperties.builder().put(LocalSecretStoreProvider.SECRETS_DIR, dir.toString())
        .put(ConfigProperties.MODE, "production").build();
    return new LocalSecretStoreProvider().create(ProviderContext.of(config));
  }
}
