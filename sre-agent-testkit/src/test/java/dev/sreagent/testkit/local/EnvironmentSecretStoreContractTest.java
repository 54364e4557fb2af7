package dev.sreagent.testkit.local;

import dev.sreagent.local.EnvironmentSecretStore;
import dev.sreagent.spi.SecretStore;
import dev.sreagent.testkit.SecretStoreContract;
import java.util.Map;

class EnvironmentSecretStoreContractTest extends SecretStoreContract {
  @Override
  protected SecretStore createStore(Map<String, String> secrets) {
    return EnvironmentSecretStore.of(secrets);
  }
}
