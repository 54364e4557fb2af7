package dev.sreagent.local;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.spi.SecretStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code local} {@link SecretStoreProvider}. With {@value #SECRETS_DIR} set: a {@link DirectorySecretStore}
 * over that directory (must exist). Without it: an {@link EnvironmentSecretStore}, which is refused in
 * production mode ({@code sre-agent.mode=production}) with a {@link ConfigurationException} that says what to
 * use instead.
 */
public final class LocalSecretStoreProvider implements SecretStoreProvider {
  /** A directory with one file per secret (a mounted Kubernetes Secret volume). */
  public static final String SECRETS_DIR = "sre-agent.local.secrets-dir";

  static final String REFUSED_IN_PRODUCTION =
      "The environment-variable secret store is refused in production mode (sre-agent.mode=production): set "
          + SECRETS_DIR + " to a mounted secret volume, or add a cloud secret manager module "
          + "(sre-agent-gcp, sre-agent-aws or sre-agent-azure) and set sre-agent.secret-store";

  /** For {@link java.util.ServiceLoader}. */
  public LocalSecretStoreProvider() {}

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public SecretStore create(ProviderContext context) {
    ConfigReader r = ConfigReader.of(context.config(), "sre-agent.local secret store");
    Optional<Path> dir = r.path(SECRETS_DIR);
    ConfigProperties.Mode mode = r.mode();
    dir.ifPresent(d -> r.check(Files.isDirectory(d),
        "Secrets directory " + d + " (" + SECRETS_DIR + ") does not exist or is not a directory: create it or mount the secret volume there"));
    if (dir.isEmpty() && mode == ConfigProperties.Mode.PRODUCTION) {
      r.check(false, REFUSED_IN_PRODUCTION);
    }
    r.validate();
    return dir.<SecretStore>map(DirectorySecretStore::of).orElseGet(EnvironmentSecretStore::ofProcessEnvironment);
  }
}
