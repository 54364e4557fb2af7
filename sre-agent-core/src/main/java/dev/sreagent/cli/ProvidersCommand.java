package dev.sreagent.cli;

import dev.sreagent.SreAgentException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.discovery.BrokenProvider;
import dev.sreagent.discovery.Candidates;
import dev.sreagent.discovery.Capability;
import dev.sreagent.discovery.ProviderDiscovery;
import dev.sreagent.discovery.Selection;
import java.util.List;

/** {@code providers}: what discovery finds on the classpath and which provider each SPI would use, and why. */
final class ProvidersCommand implements Command {
  @Override
  public String name() {
    return "providers";
  }

  @Override
  public String summary() {
    return "list the providers found on the classpath and which one each capability would use, and why";
  }

  @Override
  public int run(List<String> args, CliContext io) {
    ConfigProperties config = CliConfig.load(args, io);
    ProviderDiscovery discovery = ProviderDiscovery.standard();
    int status = 0;
    for (Capability<?, ?> capability : Capability.all()) {
      Candidates<?> found = discovery.candidates(capability);
      io.out().printf("%-12s found: %s%n", capability.displayName(), found.providers().isEmpty() ? "none" : String.join(", ", found.names()));
      for (BrokenProvider b : found.broken()) {
        io.out().printf("%-12s broken: %s%n", "", b);
      }
      try {
        Selection<?> s = discovery.select(capability, config);
        io.out().printf("%-12s uses:  %s (%s)%n", "", s.provider().name(), s.reason());
      } catch (SreAgentException e) {
        io.out().printf("%-12s error: %s%n", "", e.getMessage());
        status = 1;
      }
    }
    return status;
  }
}
