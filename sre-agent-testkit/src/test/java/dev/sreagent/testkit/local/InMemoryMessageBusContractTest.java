package dev.sreagent.testkit.local;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.local.InMemoryMessageBus;
import dev.sreagent.local.LocalMessageBusProvider;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.spi.ReceivedMessage;
import dev.sreagent.testkit.MessageBusContract;
import dev.sreagent.testkit.MutableClock;
import java.time.Duration;
import java.util.List;

/** The in-memory bus, created through its provider with a controllable clock. */
class InMemoryMessageBusContractTest extends MessageBusContract {
  private final MutableClock clock = MutableClock.atFixedStart();
  private InMemoryMessageBus last;

  @Override
  protected MessageBus createBus(Duration visibilityTimeout, int maxDeliveries) {
    ConfigProperties config = ConfigProperties.builder()
        .put(LocalMessageBusProvider.VISIBILITY_TIMEOUT, visibilityTimeout.toMillis() + "ms")
        .put(LocalMessageBusProvider.MAX_DELIVERIES, Integer.toString(maxDeliveries))
        .build();
    last = (InMemoryMessageBus) new LocalMessageBusProvider().create(ProviderContext.of(config, null, clock));
    return last;
  }

  @Override
  protected Duration receiveWait() {
    return Duration.ofMillis(300); // delivery in memory is immediate
  }

  @Override
  protected void elapse(Duration d) {
    clock.advance(d);
  }

  @Override
  protected boolean supportsDeadLetters() {
    return true;
  }

  @Override
  protected List<String> deadLetterBodies(MessageBus bus) {
    return last.deadLetters(queue()).stream().map(ReceivedMessage::body).toList();
  }

  @Override
  protected boolean supportsIdempotencyKey() {
    return true;
  }

  @Override
  protected boolean supportsOrderingKey() {
    return true;
  }
}
