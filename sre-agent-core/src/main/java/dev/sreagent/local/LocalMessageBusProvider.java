package dev.sreagent.local;

import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.MessageBusProvider;
import dev.sreagent.spi.ProviderContext;
import java.time.Duration;

/**
 * The {@code local} {@link MessageBusProvider}: an {@link InMemoryMessageBus}. Keys:
 * {@value #VISIBILITY_TIMEOUT} (default 30s), {@value #MAX_DELIVERIES} (default 5, 1–1000),
 * {@value #DEDUP_WINDOW} (default 5m). Uses the context's clock.
 */
public final class LocalMessageBusProvider implements MessageBusProvider {
  /** How long a received, unacked message stays invisible. */
  public static final String VISIBILITY_TIMEOUT = "sre-agent.local.bus.visibility-timeout";
  /** Deliveries before a message goes to the dead-letter list. */
  public static final String MAX_DELIVERIES = "sre-agent.local.bus.max-deliveries";
  /** How long an idempotency key suppresses a second publish. */
  public static final String DEDUP_WINDOW = "sre-agent.local.bus.dedup-window";

  /** For {@link java.util.ServiceLoader}. */
  public LocalMessageBusProvider() {}

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public MessageBus create(ProviderContext context) {
    ConfigReader r = ConfigReader.of(context.config(), "sre-agent.local.bus");
    Duration visibility = r.positiveDuration(VISIBILITY_TIMEOUT, Duration.ofSeconds(30));
    int max = r.integer(MAX_DELIVERIES, 5, 1, 1000);
    Duration window = r.duration(DEDUP_WINDOW, Duration.ofMinutes(5));
    r.validate();
    return InMemoryMessageBus.builder().clock(context.clock()).visibilityTimeout(visibility).maxDeliveries(max)
        .dedupWindow(window).build();
  }
}
