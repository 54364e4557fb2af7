package dev.sreagent.cli;

import java.util.List;

/** One sub-command of {@code ./sre-agent}. */
interface Command {
  /** @return the word that invokes it */
  String name();

  /** @return one line for {@code --help} */
  String summary();

  /**
   * @param args the arguments after the command word
   * @param io streams and configuration
   * @return the exit status: 0 success, 1 failure, 2 usage error
   */
  int run(List<String> args, CliContext io) throws Exception;
}
