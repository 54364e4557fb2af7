package dev.sreagent.github.internal;

import dev.sreagent.spi.ChangeRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds new evidence to a change or report as a comment, at most one per key per interval. The interval is
 * checked on GitHub itself (comments since {@code now - interval} carrying the key's evidence marker), so
 * several agent instances and restarts share it; a comment this process made is remembered so the check
 * costs no request until the interval has passed.
 */
public final class EvidenceComments {
  private static final Logger LOG = LoggerFactory.getLogger(EvidenceComments.class);

  private final Clock clock;
  private final Duration interval;
  private final Map<String, Instant> lastPosted = new ConcurrentHashMap<>();

  /**
   * @param clock the time source
   * @param interval the least time between two comments on one change
   */
  public EvidenceComments(Clock clock, Duration interval) {
    this.clock = clock;
    this.interval = interval;
  }

  /**
   * @return true when the comment was posted, false when one was posted less than the interval ago
   */
  public boolean post(GHRepository repo, ChangeRef ref, String markdown) throws IOException {
    Instant now = clock.instant();
    Instant since = now.minus(interval);
    String id = ref.key().value();
    lastPosted.values().removeIf(t -> !t.isAfter(since)); // memory bounded by the changes commented on within one interval
    Instant last = lastPosted.get(id);
    if (last != null && last.isAfter(since)) {
      LOG.info("Skipped an evidence comment on {} #{}: one was posted at {} (limit: one per {})", ref.kind(), ref.id(), last, interval);
      return false;
    }
    GHIssue issue = repo.getIssue(Integer.parseInt(ref.id()));
    String marker = Markers.evidence(ref.key());
    for (GHIssueComment c : issue.queryComments().since(Date.from(since)).list()) {
      if (c.getBody() != null && Markers.startsWith(c.getBody(), marker) && c.getCreatedAt().toInstant().isAfter(since)) {
        lastPosted.put(id, c.getCreatedAt().toInstant());
        LOG.info("Skipped an evidence comment on {} #{}: one was posted at {} (limit: one per {})", ref.kind(), ref.id(),
            c.getCreatedAt().toInstant(), interval);
        return false;
      }
    }
    issue.comment(marker + "\n" + markdown);
    lastPosted.put(id, now);
    return true;
  }
}
