package dev.sreagent.github.fake;

import dev.sreagent.NonRetriableException;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A secret store over a map, counting reads, for tests. */
public final class MapSecretStore implements SecretStore {
  private final Map<String, String> values = new ConcurrentHashMap<>();
  public final AtomicInteger gets = new AtomicInteger();
  public final AtomicInteger refreshes = new AtomicInteger();

  public MapSecretStore put(String name, String value) {
    values.put(name, value);
    return this;
  }

  @Override
  public Secret get(String name) {
    gets.incrementAndGet();
    String v = values.get(name);
    if (v == null) {
      throw new NonRetriableException("No secret named '" + name + "'");
    }
    return Secret.ofString(name, "1", v);
  }

  @Override
  public Secret refresh(String name) {
    refreshes.incrementAndGet();
    return get(name);
  }
}
