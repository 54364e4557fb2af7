package dev.sreagent.discovery;

import dev.sreagent.spi.Provider;
import java.util.Objects;

/**
 * The provider discovery chose and why.
 *
 * @param provider the chosen provider
 * @param reason one line saying why it was chosen
 * @param <P> the provider interface
 */
public record Selection<P extends Provider<?>>(P provider, String reason) {
  /** Validates. */
  public Selection {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(reason, "reason");
  }
}
