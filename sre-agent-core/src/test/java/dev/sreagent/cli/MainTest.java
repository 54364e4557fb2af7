package dev.sreagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsEveryCommand() {
    CliRunner r = CliRunner.run("", Map.of(), "--help");
    assertThat(r.status()).isZero();
    for (Command c : Main.commands()) {
      assertThat(r.out()).contains("  " + c.name() + " ").contains(c.summary());
    }
  }

  @Test
  void noArgumentsPrintsHelpAndIsAUsageError() {
    CliRunner r = CliRunner.run("", Map.of());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).startsWith("Usage: ./sre-agent <command> [options]");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRunner r = CliRunner.run("", Map.of(), "frobnicate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sre-agent: unknown command 'frobnicate'. Run ./sre-agent --help for the list." + System.lineSeparator());
  }

  @Test
  void aConfigurationErrorIsOneLineAndExitsOne() {
    CliRunner r = CliRunner.run("", Map.of(), "providers", "--config");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("sre-agent providers: --config needs a file: --config sre-agent.properties" + System.lineSeparator());
  }

  @Test
  void providersReportsAMisnamedProviderAndFails() {
    CliRunner r = CliRunner.run("", Map.of("SRE_AGENT_LOG_SOURCE", "aws"), "providers");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("error: sre-agent.log-source=aws but no LogSource provider named 'aws' is on the classpath: "
        + "add the dependency dev.sreagent:sre-agent-aws");
  }

  @Test
  void runWithAMissingConfigFileSaysWhichFile() {
    CliRunner r = CliRunner.run("", Map.of(), "run", "--config", "/nonexistent/agent.properties", "--once");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("sre-agent run: Configuration file /nonexistent/agent.properties does not exist: "
        + "fix sre-agent.config-file or the --config argument" + System.lineSeparator());
  }

  @Test
  void runRefusesTheEnvironmentSecretStoreInProductionMode() {
    CliRunner r = CliRunner.run("", Map.of("SRE_AGENT_MODE", "production"), "run", "--once");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("sre-agent run: The environment-variable secret store is refused in production mode");
  }

  @Test
  void runRejectsUnknownOptions() {
    CliRunner r = CliRunner.run("", Map.of(), "run", "--forever");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sre-agent run: unknown option --forever (options: --config <file>, --once)" + System.lineSeparator());
  }

  @Test
  void demoNeedsAModelNameWithAModelUrl() {
    CliRunner r = CliRunner.run("", Map.of(), "demo", "--model-url", "http://127.0.0.1:11434/v1");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sre-agent demo: --model-url needs --model NAME (the model the server serves)" + System.lineSeparator());
  }

  @Test
  void demoRejectsUnknownOptions() {
    CliRunner r = CliRunner.run("", Map.of(), "demo", "--fast");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sre-agent demo: unknown option --fast (options: --model-url URL --model NAME [--api-key-env VAR])"
        + System.lineSeparator());
  }
}
