package dev.sreagent.github;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.github.fake.FakeGitHub;
import dev.sreagent.github.fake.MapSecretStore;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.github.fake.TestCredentials;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.testkit.CodeHostContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The testkit's CodeHost contract, run with github-api against the stateful fake GitHub. */
class GitHubCodeHostContractTest extends CodeHostContract {
  private final List<FakeGitHub> servers = new ArrayList<>();
  private FakeGitHub current;

  @Override
  protected CodeHost createHost(Map<String, String> files) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    try {
      current = FakeGitHub.start(clock, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    servers.add(current);
    String token = TestCredentials.fineGrainedToken();
    current.addFineGrainedToken(token, Fixture.ALL_WRITE);
    ConfigProperties config = ConfigProperties.builder()
        .put(GitHubConfig.REPOSITORY, FakeGitHub.OWNER + "/" + FakeGitHub.REPO)
        .put(GitHubConfig.BASE_URL, current.baseUrl())
        .put(GitHubConfig.TOKEN_SECRET, "github-token")
        .build();
    return GitHubCodeHost.create(GitHubConfig.read(config), new MapSecretStore().put("github-token", token), clock);
  }

  @Override
  protected int changesOpenedFor(ChangeKey key) {
    String branch = "sre-agent/" + key.value();
    long branches = current.refs().keySet().stream().filter(r -> r.equals("refs/heads/" + branch)).count();
    long pulls = current.pulls().stream().filter(p -> p.head.equals(branch)).count();
    return branches == pulls ? (int) pulls : -1; // a branch without its pull request (or the reverse) is not one change
  }

  @AfterEach
  void stopServers() {
    servers.forEach(FakeGitHub::close);
    servers.clear();
  }
}
