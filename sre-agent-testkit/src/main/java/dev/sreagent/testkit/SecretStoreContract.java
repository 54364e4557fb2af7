package dev.sreagent.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SecretStore} contract: secrets read by name, never shown in {@code toString()} or exception
 * messages, a missing secret a {@link NonRetriableException} that names it.
 *
 * <p><b>How to extend.</b> Implement {@link #createStore(Map)}: a store that holds exactly the given
 * secrets (write files, stub the secret manager's API, pass an environment map). Names are lower-case
 * letters and digits, valid in every cloud's secret manager; override {@link #name(String)} if yours needs
 * another form. Values are generated at run time.
 */
public abstract class SecretStoreContract {
  private final List<SecretStore> opened = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  /** @return a store holding exactly {@code secrets} (name → value) */
  protected abstract SecretStore createStore(Map<String, String> secrets);

  /** @return the store's name for a logical name (default: unchanged) */
  protected String name(String logical) {
    return logical;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(SecretStore::close);
    opened.clear();
  }

  private String value(int i) {
    return "v" + i + "-" + UUID.randomUUID() + "-ü";
  }

  private Map<String, String> secrets;

  private SecretStore store() {
    secrets = new LinkedHashMap<>();
    secrets.put(name("token" + run), value(1));
    secrets.put(name("apikey" + run), value(2));
    SecretStore s = createStore(Map.copyOf(secrets));
    opened.add(s);
    return s;
  }

  private static List<String> messages(Throwable t) {
    List<String> out = new ArrayList<>();
    for (Throwable c = t; c != null; c = c.getCause()) {
      out.add(String.valueOf(c.getMessage()));
      out.add(c.toString());
    }
    return out;
  }

  @Test
  void returnsTheValueByName() {
    SecretStore s = store();
    for (Map.Entry<String, String> e : secrets.entrySet()) {
      Secret secret = s.get(e.getKey());
      assertThat(secret.name()).isEqualTo(e.getKey());
      assertThat(secret.reveal()).isEqualTo(e.getValue());
    }
  }

  @Test
  void neverShowsTheValueInToString() {
    SecretStore s = store();
    for (Map.Entry<String, String> e : secrets.entrySet()) {
      Secret secret = s.get(e.getKey());
      assertThat(secret.toString()).doesNotContain(e.getValue()).contains(e.getKey());
      assertThat(s.toString()).doesNotContain(e.getValue());
    }
  }

  @Test
  void missingSecretIsNonRetriableAndNamesIt() {
    SecretStore s = store();
    String missing = name("missing" + run);
    Throwable t = catchThrowable(() -> s.get(missing));
    assertThat(t).isInstanceOf(NonRetriableException.class).hasMessageContaining(missing);
    for (String value : secrets.values()) {
      assertThat(messages(t)).noneMatch(m -> m.contains(value));
    }
  }

  @Test
  void refreshReadsTheCurrentValue() {
    SecretStore s = store();
    String n = secrets.keySet().iterator().next();
    assertThat(s.refresh(n).reveal()).isEqualTo(secrets.get(n));
  }
}
