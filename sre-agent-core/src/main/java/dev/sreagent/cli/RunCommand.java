package dev.sreagent.cli;

import dev.sreagent.SreAgent;
import dev.sreagent.config.ConfigProperties;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run --config <file> [--once]}: runs the agent as configured (environment variables and system
 * properties on top of the file). Without {@code --once} it runs until the process is stopped (SIGTERM or
 * Ctrl-C close it gracefully); with {@code --once} it reads the logs until there are no more, works off the
 * queue, and exits.
 */
final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "run the agent as configured: run --config <file> [--once] (--once: read what is there, deliver, exit)";
  }

  @Override
  public int run(List<String> args, CliContext io) throws Exception {
    for (String a : args) {
      if (a.startsWith("--") && !a.equals("--config") && !a.equals("--once")) {
        io.err().println("sre-agent run: unknown option " + a + " (options: --config <file>, --once)");
        return 2;
      }
    }
    ConfigProperties config = CliConfig.load(args, io);
    if (args.contains("--once")) {
      try (SreAgent agent = SreAgent.builder().config(config).build()) {
        int events = 0;
        for (int n; (n = agent.pollOnce()) > 0; ) {
          events += n;
        }
        int handled = 0;
        for (int n; (n = agent.workOnce(Duration.ofMillis(500))) > 0; ) {
          handled += n;
        }
        io.out().println("sre-agent run --once: " + events + " events read, " + handled + " incidents handled");
      }
      return 0;
    }
    SreAgent agent = SreAgent.builder().config(config).build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      agent.close();
      stopped.countDown();
    }, "sre-agent-shutdown"));
    agent.start();
    io.err().println("sre-agent run: started; stop with Ctrl-C or SIGTERM (in-flight work is drained)");
    stopped.await();
    return 0;
  }
}
