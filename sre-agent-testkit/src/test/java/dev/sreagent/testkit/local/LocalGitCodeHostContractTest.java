package dev.sreagent.testkit.local;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.local.LocalCodeHostProvider;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.ProviderContext;
import dev.sreagent.testkit.CodeHostContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** The local git host over a fresh repository made with the git executable. */
class LocalGitCodeHostContractTest extends CodeHostContract {
  @TempDir Path repo;

  static String git(Path repo, String... args) {
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@localhost",
          "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void initRepo(Path repo, Map<String, String> files) throws IOException {
    git(repo, "init", "-q");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = repo.resolve(f.getKey());
      Files.createDirectories(p.getParent() == null ? repo : p.getParent());
      Files.writeString(p, f.getValue());
    }
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "initial");
  }

  @Override
  protected CodeHost createHost(Map<String, String> files) {
    try {
      initRepo(repo, files);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ConfigProperties config = ConfigProperties.builder().put(LocalCodeHostProvider.REPO, repo.toString()).build();
    return new LocalCodeHostProvider().create(ProviderContext.of(config));
  }

  @Override
  protected int changesOpenedFor(ChangeKey key) {
    String branches = git(repo, "branch", "--list", "sre-agent/" + key.value());
    int count = branches.isBlank() ? 0 : branches.split("\n").length;
    if (count == 1) {
      int commits = Integer.parseInt(git(repo, "rev-list", "--count", "main..sre-agent/" + key.value()));
      if (commits != 1) {
        return -commits;
      }
    }
    return count;
  }
}
