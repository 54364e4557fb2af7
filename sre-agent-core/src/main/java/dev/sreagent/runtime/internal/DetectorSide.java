package dev.sreagent.runtime.internal;

import dev.sreagent.incident.Incident;
import dev.sreagent.audit.Auditor;
import dev.sreagent.audit.RedactionEvent;
import dev.sreagent.redact.RedactionSession;
import java.time.Clock;
import dev.sreagent.redact.Redactor;
import dev.sreagent.runtime.CursorStore;
import dev.sreagent.runtime.IncidentCodec;
import dev.sreagent.runtime.BatchDetector;
import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.OutgoingMessage;
import dev.sreagent.pipeline.ChangeKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll of the detector side: read a batch after the saved cursor, redact it, detect incidents, publish
 * each on the bus keyed by fingerprint, and only then save the batch's next cursor. A failure anywhere
 * leaves the cursor where it was, so the batch is read again; publishing the same incident twice is
 * harmless (idempotency key, and change keys downstream). Used by one thread.
 */
public final class DetectorSide {
  private final LogSource source;
  private final MessageBus bus;
  private final String queue;
  private final Redactor redactor;
  private final Auditor auditor;
  private final Clock clock;
  private final BatchDetector detector;
  private final CursorStore cursors;
  private final int maxEvents;
  private final Duration wait;

  /**
   * @param source the logs
   * @param bus where incidents go
   * @param queue the bus queue
   * @param redactor redacts events at intake
   * @param detector events → incidents
   * @param cursors the checkpoint
   * @param maxEvents events per poll
   * @param wait how long a poll may wait
   * @param auditor receives the intake redaction counts of each batch
   * @param clock time of audit events
   */
  public DetectorSide(LogSource source, MessageBus bus, String queue, Redactor redactor, BatchDetector detector, CursorStore cursors,
      int maxEvents, Duration wait, Auditor auditor, Clock clock) {
    this.auditor = auditor;
    this.clock = clock;
    this.source = source;
    this.bus = bus;
    this.queue = queue;
    this.redactor = redactor;
    this.detector = detector;
    this.cursors = cursors;
    this.maxEvents = maxEvents;
    this.wait = wait;
  }

  /** The fingerprint field of intake redaction audit events: counts of a batch, before grouping. */
  public static final String INTAKE = "intake";

  /** The outcome of one poll. */
  public record Polled(int events, int incidents) {}

  /** Runs one poll; throws (without saving the cursor) when any step fails. */
  public Polled pollOnce() {
    LogCursor cursor = cursors.load().orElse(LogCursor.START);
    LogBatch batch = source.poll(cursor, maxEvents, wait);
    int published = 0;
    if (!batch.events().isEmpty()) {
      RedactionSession session = redactor.newIntakeSession();
      List<LogEvent> redacted = new ArrayList<>(batch.events().size());
      for (LogEvent e : batch.events()) {
        Map<String, String> attrs = new LinkedHashMap<>();
        e.attributes().forEach((k, v) -> attrs.put(k, session.redact(v)));
        redacted.add(new LogEvent(e.id(), e.timestamp(), e.severity(), e.service(), session.redact(e.message()), e.traceId(), attrs));
      }
      if (session.counts().values().stream().mapToLong(Long::longValue).sum() > 0) {
        auditor.record(new RedactionEvent(clock.instant(), INTAKE, session.counts()));
      }
      for (Incident incident : detector.detect(redacted)) {
        bus.publish(queue, message(incident));
        published++;
      }
    }
    if (!batch.next().equals(cursor)) {
      cursors.save(batch.next());
    }
    return new Polled(batch.events().size(), published);
  }

  /** @return the bus message of an incident: ordering key = fingerprint, idempotency key = fingerprint and first-seen time */
  public static OutgoingMessage message(Incident incident) {
    return new OutgoingMessage(IncidentCodec.toJson(incident), incident.fingerprint(),
        incident.fingerprint() + "@" + incident.firstSeen().toEpochMilli(),
        Map.of("fingerprint", incident.fingerprint(), "change-key", ChangeKeys.forFingerprint(incident.fingerprint()).value()));
  }
}
