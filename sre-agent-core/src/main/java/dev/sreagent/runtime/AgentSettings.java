package dev.sreagent.runtime;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the agent runtime, from {@code sre-agent.*}.
 *
 * @param role which sides run: {@code all} (default), {@code detector} or {@code worker}; {@code sre-agent.role}
 * @param queue the message bus queue of incidents; {@code sre-agent.queue}, default {@code sre-agent-incidents}
 * @param workerThreads worker threads; {@code sre-agent.worker.threads}, default 2
 * @param visibility how long a received incident stays invisible to other workers, extended while it is
 *     processed; {@code sre-agent.worker.visibility}, default 5m
 * @param receiveWait long-poll wait of the bus; {@code sre-agent.worker.receive-wait}, default 5s
 * @param pollMaxEvents events per log poll; {@code sre-agent.poll.max-events}, default 500
 * @param pollWait how long a log poll waits for events; {@code sre-agent.poll.wait}, default 5s
 * @param pollBackoff pause after a failed poll or batch; {@code sre-agent.poll.backoff}, default 5s
 * @param pollIdlePause pause after a poll that returned no events (for sources that do not long-poll);
 *     {@code sre-agent.poll.idle-pause}, default 1s
 * @param shutdownTimeout how long {@code close()} waits for in-flight work; {@code sre-agent.shutdown-timeout}, default 30s
 * @param cursorFile where the default cursor store writes; {@code sre-agent.cursor-file}, default {@code .sre-agent/cursor}
 */
public record AgentSettings(
    String role, String queue, int workerThreads, Duration visibility, Duration receiveWait, int pollMaxEvents, Duration pollWait,
    Duration pollBackoff, Duration pollIdlePause, Duration shutdownTimeout, Path cursorFile) {

  /** Validates. */
  public AgentSettings {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(receiveWait, "receiveWait");
    Objects.requireNonNull(pollWait, "pollWait");
    Objects.requireNonNull(pollBackoff, "pollBackoff");
    Objects.requireNonNull(pollIdlePause, "pollIdlePause");
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(cursorFile, "cursorFile");
  }

  /** @return true when the detector side runs */
  public boolean runsDetector() {
    return !role.equals("worker");
  }

  /** @return true when the worker side runs */
  public boolean runsWorkers() {
    return !role.equals("detector");
  }

  /**
   * @return settings read from {@code config}
   * @throws dev.sreagent.ConfigurationException listing every bad key
   */
  public static AgentSettings from(ConfigProperties config) {
    ConfigReader r = ConfigReader.of(config, "sre-agent");
    AgentSettings s = new AgentSettings(
        r.oneOf("sre-agent.role", "all", List.of("all", "detector", "worker")),
        r.string("sre-agent.queue", "sre-agent-incidents"),
        r.integer("sre-agent.worker.threads", 2, 1, 256),
        r.positiveDuration("sre-agent.worker.visibility", Duration.ofMinutes(5)),
        r.duration("sre-agent.worker.receive-wait", Duration.ofSeconds(5)),
        r.integer("sre-agent.poll.max-events", 500, 1, 100_000),
        r.duration("sre-agent.poll.wait", Duration.ofSeconds(5)),
        r.duration("sre-agent.poll.backoff", Duration.ofSeconds(5)),
        r.duration("sre-agent.poll.idle-pause", Duration.ofSeconds(1)),
        r.duration("sre-agent.shutdown-timeout", Duration.ofSeconds(30)),
        Path.of(r.string("sre-agent.cursor-file", ".sre-agent/cursor")));
    r.validate();
    return s;
  }
}
