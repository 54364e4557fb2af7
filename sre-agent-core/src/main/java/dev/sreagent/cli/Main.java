package dev.sreagent.cli;

import dev.sreagent.SreAgentException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./sre-agent <command> [options]}. Run with {@code --help} for the commands.
 */
public final class Main {
  private Main() {}

  /** @return every command, in the order {@code --help} lists them */
  static List<Command> commands() {
    return List.of(
        new ProvidersCommand(),
        new GroupCommand(),
        new RedactCommand(),
        new DemoCommand(),
        new RunCommand());
  }

  /**
   * Runs a command and exits with its status.
   *
   * @param args the command word and its arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, CliContext.system()));
  }

  static int run(String[] args, CliContext io) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      printHelp(io);
      return args.length == 0 ? 2 : 0;
    }
    for (Command c : commands()) {
      if (c.name().equals(args[0])) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
          return c.run(rest, io);
        } catch (SreAgentException e) {
          io.err().println("sre-agent " + c.name() + ": " + e.getMessage());
          return 1;
        } catch (Exception e) {
          io.err().println("sre-agent " + c.name() + ": " + e);
          return 1;
        }
      }
    }
    io.err().println("sre-agent: unknown command '" + args[0] + "'. Run ./sre-agent --help for the list.");
    return 2;
  }

  private static void printHelp(CliContext io) {
    io.out().println("Usage: ./sre-agent <command> [options]");
    io.out().println();
    io.out().println("Commands:");
    for (Command c : commands()) {
      io.out().printf("  %-10s %s%n", c.name(), c.summary());
    }
    io.out().println();
    io.out().println("Configuration: sre-agent.* system properties, SRE_AGENT_* environment variables, or --config <file>.");
    io.out().println("See README.md and docs/ for details.");
  }
}
