package dev.sreagent.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A {@link Clock} that tests move by hand: pass it to a provider through
 * {@link dev.sreagent.spi.ProviderContext#of(dev.sreagent.config.ConfigProperties, dev.sreagent.spi.SecretStore, Clock)}
 * and call {@link #advance} instead of sleeping. Thread safe.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;

  /** @param start the initial instant */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** @return a clock at 2026-01-01T00:00:00Z */
  public static MutableClock atFixedStart() {
    return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves time forward by {@code d}. */
  public synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  /** Sets the time. */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
