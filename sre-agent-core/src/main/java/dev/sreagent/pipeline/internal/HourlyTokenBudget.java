package dev.sreagent.pipeline.internal;

import dev.sreagent.RetriableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tokens all incidents of this process may use in any rolling hour. A call reserves its estimate first;
 * when the reservation does not fit, it throws {@link RetriableException} with the wait until enough of
 * the window frees up, so the incident's message is retried later instead of reported. Thread safe.
 */
public final class HourlyTokenBudget {
  private static final Duration WINDOW = Duration.ofHours(1);
  private final long limit;
  private final Clock clock;
  private final Deque<Spend> spends = new ArrayDeque<>();
  private long inWindow;

  private record Spend(Instant at, long tokens) {}

  /**
   * @param limit tokens per rolling hour
   * @param clock time source
   */
  public HourlyTokenBudget(long limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /**
   * Reserves {@code tokens}; call {@link #settle} with the real usage afterwards.
   *
   * @throws RetriableException when the hour's budget cannot hold them
   */
  public synchronized void reserve(long tokens) {
    Instant now = clock.instant();
    expire(now);
    if (inWindow + tokens > limit) {
      Instant freeAt = spends.isEmpty() ? now.plus(WINDOW) : spends.peekFirst().at().plus(WINDOW);
      throw new RetriableException("The hourly model token budget (" + limit + ", sre-agent.pipeline.hourly-token-budget) is used up; "
          + "retry after " + freeAt, Duration.between(now, freeAt).plusSeconds(1), null);
    }
    spends.addLast(new Spend(now, tokens));
    inWindow += tokens;
  }

  /** Replaces a reservation of {@code reserved} tokens by the {@code actual} usage. */
  public synchronized void settle(long reserved, long actual) {
    spends.addLast(new Spend(clock.instant(), actual - reserved));
    inWindow += actual - reserved;
  }

  /** @return tokens counted in the current window */
  public synchronized long used() {
    expire(clock.instant());
    return inWindow;
  }

  private void expire(Instant now) {
    while (!spends.isEmpty() && !spends.peekFirst().at().plus(WINDOW).isAfter(now)) {
      inWindow -= spends.removeFirst().tokens();
    }
  }
}
