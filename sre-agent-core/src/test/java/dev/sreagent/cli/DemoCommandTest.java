package dev.sreagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo, in-process, from the project's own examples/demo-service: the README's first command. */
class DemoCommandTest {

  @Test
  void theDemoOpensTwoDraftChangesAndTwoReportsAndLeaksNothing() throws Exception {
    Path home = Path.of("..").toAbsolutePath().normalize();
    Properties sys = new Properties();
    sys.setProperty("sre-agent.home", home.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Main.run(new String[] {"demo"}, new CliContext(new ByteArrayInputStream(new byte[0]), o, e, Map.of(), sys));
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text).contains("Incidents: 4 from 503 error events");
    assertThat(text.split("→ CHANGE_OPENED", -1)).hasSize(3);
    assertThat(text).contains("→ REPORT_OPENED (NOT_ACTIONABLE), 1 model calls")
        .contains("→ REPORT_OPENED (SUSPICIOUS), 0 model calls")
        .contains("Model: 7 calls")
        .contains("Second run over the same log (as after a crash before the checkpoint): 4 incidents → {EVIDENCE_ADDED=4}, 0 model calls, branches now: 2");

    Path repo = home.resolve("target/demo/repo");
    assertThat(DemoWorkspace.git(repo, "branch", "--list", "sre-agent/*").lines()).hasSize(2);
    // the user's branch and working tree are untouched
    assertThat(DemoWorkspace.git(repo, "status", "--porcelain")).isEmpty();
    assertThat(DemoWorkspace.git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()).isEqualTo("main");

    // no generated secret or PII reached a change, a report, a commit or the output
    String log = Files.readString(home.resolve("target/demo/app.log"));
    assertThat(log).contains("ghp_").contains("AKIA").contains("@example.com");
    StringBuilder delivered = new StringBuilder(text);
    try (Stream<Path> files = Files.walk(repo.resolve(".git/sre-agent"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        delivered.append(Files.readString(f));
      }
    }
    delivered.append(DemoWorkspace.git(repo, "log", "-p", "--all"));
    for (String leak : List.of("ghp_", "AKIA", "@example.com", "postgres://shop:")) {
      assertThat(delivered.toString()).as("delivered text contains %s", leak).doesNotContain(leak);
    }
  }
}
