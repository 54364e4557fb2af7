package dev.sreagent.cli;

import java.util.List;

/** {@code demo}: runs the main job end to end on the embedded local providers. */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "run the agent's main job end to end on the embedded local providers, offline";
  }

  @Override
  public int run(List<String> args, CliContext io) {
    io.err().println("demo: not built yet");
    return 1;
  }
}
