package dev.sreagent.runtime.internal;

import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.incident.Incident;
import dev.sreagent.pipeline.PipelineResult;
import dev.sreagent.pipeline.RemediationPipeline;
import dev.sreagent.runtime.IncidentCodec;
import dev.sreagent.spi.MessageBus;
import dev.sreagent.spi.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One receive of the worker side: take an incident message, run the pipeline, and ack only after the change
 * or report is delivered. Retriable failures nack (or, when the failure says how long to wait, keep the
 * message invisible that long); any other failure nacks too, so the bus's redelivery limit moves a message
 * that never succeeds to its dead-letter queue. A message that is not an incident is logged and acked: no
 * retry can make it one. While the pipeline runs, the message's visibility is extended every half
 * visibility period. Thread safe.
 */
public final class WorkerSide {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerSide.class);
  private final MessageBus bus;
  private final String queue;
  private final RemediationPipeline pipeline;
  private final Duration visibility;
  private final @Nullable ScheduledExecutorService heartbeat;
  private final BiConsumer<Incident, PipelineResult> onResult;

  /**
   * @param bus the work queue
   * @param queue its name
   * @param pipeline runs each incident
   * @param visibility how long a message stays invisible; extended while processing
   * @param heartbeat runs the visibility extensions, null for none
   * @param onResult called after each delivered incident, before the ack
   */
  public WorkerSide(MessageBus bus, String queue, RemediationPipeline pipeline, Duration visibility,
      @Nullable ScheduledExecutorService heartbeat, BiConsumer<Incident, PipelineResult> onResult) {
    this.bus = bus;
    this.queue = queue;
    this.pipeline = pipeline;
    this.visibility = visibility;
    this.heartbeat = heartbeat;
    this.onResult = onResult;
  }

  /** @return messages handled (acked or nacked) */
  public int workOnce(int maxMessages, Duration wait) {
    List<ReceivedMessage> messages = bus.receive(queue, maxMessages, wait);
    for (ReceivedMessage m : messages) {
      handle(m);
    }
    return messages.size();
  }

  private void handle(ReceivedMessage m) {
    Incident incident;
    try {
      incident = IncidentCodec.fromJson(m.body());
    } catch (NonRetriableException e) {
      LOG.error("Dropping message {} from {}: {} (acked: no retry can make it an incident)", m.messageId(), queue, e.getMessage());
      bus.ack(queue, m);
      return;
    }
    ScheduledFuture<?> beat = null;
    if (heartbeat != null) {
      long every = Math.max(1, visibility.toMillis() / 2);
      beat = heartbeat.scheduleAtFixedRate(() -> extend(m), every, every, TimeUnit.MILLISECONDS);
    }
    try {
      PipelineResult result = pipeline.process(incident);
      onResult.accept(incident, result);
      bus.ack(queue, m);
    } catch (RetriableException e) {
      stop(beat);
      if (e.retryAfter().isPresent()) {
        LOG.warn("Incident {} postponed by {}: {}", incident.fingerprint(), e.retryAfter().get(), e.getMessage());
        bus.extendVisibility(queue, m, e.retryAfter().get());
      } else {
        LOG.warn("Incident {} will be retried: {}", incident.fingerprint(), e.getMessage());
        bus.nack(queue, m);
      }
    } catch (RuntimeException e) {
      stop(beat);
      LOG.error("Incident {} failed (delivery {}), returned to the queue: {}", incident.fingerprint(), m.deliveryCount(), e.toString());
      bus.nack(queue, m);
    } finally {
      stop(beat);
    }
  }

  private void extend(ReceivedMessage m) {
    try {
      bus.extendVisibility(queue, m, visibility);
    } catch (RuntimeException e) {
      LOG.warn("Extending the visibility of message {} failed: {}", m.messageId(), e.toString());
    }
  }

  private static void stop(@Nullable ScheduledFuture<?> beat) {
    if (beat != null) {
      beat.cancel(false);
    }
  }
}
