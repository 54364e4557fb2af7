package dev.sreagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPropertiesTest {

  @TempDir Path dir;

  @Test
  void precedenceIsDefaultsFileEnvironmentSystemBuilder() throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "sre-agent.a=file\nsre-agent.b=file\nsre-agent.c=file\nsre-agent.d=file\n");
    Properties sys = new Properties();
    sys.setProperty("sre-agent.c", "system");
    sys.setProperty("sre-agent.d", "system");
    sys.setProperty("unrelated", "x");
    ConfigProperties c = ConfigProperties.builder()
        .defaults(Map.of("sre-agent.a", "default", "sre-agent.e", "default"))
        .propertiesFile(file)
        .withEnvironment(Map.of("SRE_AGENT_B", "env", "SRE_AGENT_C", "env", "SRE_AGENT_D", "env", "PATH", "/bin"))
        .withSystemProperties(sys)
        .put("sre-agent.d", "builder")
        .build();

    assertThat(c.get("sre-agent.e")).contains("default");
    assertThat(c.get("sre-agent.a")).contains("file");
    assertThat(c.get("sre-agent.b")).contains("env");
    assertThat(c.get("sre-agent.c")).contains("system");
    assertThat(c.get("sre-agent.d")).contains("builder");
    assertThat(c.origin("sre-agent.b")).contains("environment");
    assertThat(c.origin("sre-agent.a")).contains("file " + file);
    assertThat(c.get("unrelated")).isEmpty();
  }

  @Test
  void environmentVariableNameMapsDotsAndDashes() {
    ConfigProperties c = ConfigProperties.builder()
        .withEnvironment(Map.of("SRE_AGENT_LOG_SOURCE", "aws", "SRE_AGENT_AWS_LOGS_LOG_GROUPS", "/app/a,/app/b"))
        .build();
    assertThat(c.get("sre-agent.log-source")).contains("aws");
    assertThat(c.getList("sre-agent.aws.logs.log-groups")).containsExactly("/app/a", "/app/b");
    assertThat(ConfigProperties.environmentName("sre-agent.log-source")).isEqualTo("SRE_AGENT_LOG_SOURCE");
  }

  @Test
  void configFileNamedByEnvironmentIsLoaded() throws Exception {
    Path file = dir.resolve("x.properties");
    Files.writeString(file, "sre-agent.log-source=gcp\n");
    ConfigProperties c = ConfigProperties.builder()
        .withEnvironment(Map.of("SRE_AGENT_CONFIG_FILE", file.toString()))
        .build();
    assertThat(c.get("sre-agent.log-source")).contains("gcp");
  }

  @Test
  void missingConfigFileNamesThePath() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> ConfigProperties.builder().propertiesFile(missing))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Configuration file " + missing + " does not exist: fix sre-agent.config-file or the --config argument");
  }

  @Test
  void typedGetters() {
    ConfigProperties c = ConfigProperties.builder()
        .put("sre-agent.d1", "250ms").put("sre-agent.d2", "30s").put("sre-agent.d3", "5m").put("sre-agent.d4", "1h")
        .put("sre-agent.d5", "2d").put("sre-agent.d6", "PT1M30S").put("sre-agent.i", " 42 ").put("sre-agent.b", "TRUE")
        .put("sre-agent.l", " a, ,b ,c").put("sre-agent.x", "0.25")
        .build();
    assertThat(c.getDuration("sre-agent.d1", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
    assertThat(c.getDuration("sre-agent.d2", Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.getDuration("sre-agent.d3", Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.getDuration("sre-agent.d4", Duration.ZERO)).isEqualTo(Duration.ofHours(1));
    assertThat(c.getDuration("sre-agent.d5", Duration.ZERO)).isEqualTo(Duration.ofDays(2));
    assertThat(c.getDuration("sre-agent.d6", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.getDuration("sre-agent.unset", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(c.getInt("sre-agent.i", 0)).isEqualTo(42);
    assertThat(c.getBoolean("sre-agent.b", false)).isTrue();
    assertThat(c.getList("sre-agent.l")).containsExactly("a", "b", "c");
    assertThat(c.getList("sre-agent.unset")).isEmpty();
    assertThat(c.getDouble("sre-agent.x", 1)).isEqualTo(0.25);
  }

  @Test
  void malformedValuesNameTheKeyAndTheExpectedForm() {
    ConfigProperties c = ConfigProperties.builder()
        .put("sre-agent.poll", "soon").put("sre-agent.n", "ten").put("sre-agent.flag", "yes").put("sre-agent.mode", "prod")
        .build();
    assertThatThrownBy(() -> c.getDuration("sre-agent.poll", Duration.ZERO))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid value 'soon' for sre-agent.poll: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S");
    assertThatThrownBy(() -> c.getInt("sre-agent.n", 0))
        .hasMessage("Invalid value 'ten' for sre-agent.n: expected a whole number such as 10");
    assertThatThrownBy(() -> c.getBoolean("sre-agent.flag", false))
        .hasMessage("Invalid value 'yes' for sre-agent.flag: expected true or false");
    assertThatThrownBy(c::mode)
        .hasMessage("Invalid value 'prod' for sre-agent.mode: expected production or development");
  }

  @Test
  void missingRequiredKeyNamesTheKeyAndTheEnvironmentVariable() {
    assertThatThrownBy(() -> ConfigProperties.empty().require("sre-agent.local.repo", "the path of a git repository"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Missing required configuration sre-agent.local.repo: set it to the path of a git repository "
            + "(or the environment variable SRE_AGENT_LOCAL_REPO)");
  }

  @Test
  void readerReportsEveryBadKeyInOneError() {
    ConfigProperties c = ConfigProperties.builder()
        .put("sre-agent.x.timeout", "fast").put("sre-agent.x.retries", "-3").put("sre-agent.x.enabled", "maybe")
        .build();
    ConfigReader r = ConfigReader.of(c, "sre-agent.x");
    r.duration("sre-agent.x.timeout", Duration.ofSeconds(1));
    r.integer("sre-agent.x.retries", 3, 0, 10);
    r.bool("sre-agent.x.enabled", true);
    r.required("sre-agent.x.queue", "the queue URL");
    assertThat(r.problems()).hasSize(4);
    assertThatThrownBy(r::validate)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.x (4 problems): "
            + "Invalid value 'fast' for sre-agent.x.timeout: expected a duration such as 250ms, 30s, 5m, 1h, 2d or PT30S; "
            + "Invalid value '-3' for sre-agent.x.retries: expected a whole number from 0 to 10; "
            + "Invalid value 'maybe' for sre-agent.x.enabled: expected true or false; "
            + "Missing required configuration sre-agent.x.queue: set it to the queue URL (or the environment variable SRE_AGENT_X_QUEUE)");
  }

  @Test
  void readerWithNoProblemsValidates() {
    ConfigReader r = ConfigReader.of(ConfigProperties.builder().put("sre-agent.x.n", "3").build(), "sre-agent.x");
    assertThat(r.integer("sre-agent.x.n", 1, 0, 5)).isEqualTo(3);
    r.validate();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void productionModeRefusesPlainHttpExceptLoopback() {
    ConfigProperties prod = ConfigProperties.builder()
        .put("sre-agent.mode", "production")
        .put("sre-agent.x.remote", "http://models.example.com/v1")
        .put("sre-agent.x.loop4", "http://127.0.0.1:8080/v1")
        .put("sre-agent.x.loop6", "http://[::1]:8080/v1")
        .put("sre-agent.x.name", "http://localhost:8080")
        .put("sre-agent.x.tls", "https://models.example.com/v1")
        .build();
    ConfigReader r = ConfigReader.of(prod, "sre-agent.x");
    assertThat(r.endpoint("sre-agent.x.loop4")).isPresent();
    assertThat(r.endpoint("sre-agent.x.loop6")).isPresent();
    assertThat(r.endpoint("sre-agent.x.name")).isPresent();
    assertThat(r.endpoint("sre-agent.x.tls")).isPresent();
    assertThat(r.endpoint("sre-agent.x.remote")).isEmpty();
    assertThatThrownBy(r::validate).hasMessage(
        "Plain-http endpoint http://models.example.com/v1 for sre-agent.x.remote is refused in production mode "
            + "(sre-agent.mode=production): use https://models.example.com/v1 (plain http is allowed only to loopback)");
  }

  @Test
  void developmentModeAllowsPlainHttp() {
    ConfigReader r = ConfigReader.of(
        ConfigProperties.builder().put("sre-agent.x.remote", "http://models.example.com/v1").build(), "sre-agent.x");
    assertThat(r.endpoint("sre-agent.x.remote")).isPresent();
    r.validate();
  }

  @Test
  void endpointMustBeAbsoluteHttp() {
    ConfigReader r = ConfigReader.of(ConfigProperties.builder().put("sre-agent.x.u", "ftp://h/x").build(), "sre-agent.x");
    r.endpoint("sre-agent.x.u");
    assertThat(r.problems()).containsExactly(
        "Invalid value 'ftp://h/x' for sre-agent.x.u: expected an absolute http(s) URL such as https://host:443/path");
  }

  @Test
  void oneOfListsTheChoices() {
    ConfigReader r = ConfigReader.of(ConfigProperties.builder().put("sre-agent.x.f", "xml").build(), "sre-agent.x");
    assertThat(r.oneOf("sre-agent.x.f", "auto", List.of("auto", "json", "text"))).isEqualTo("auto");
    assertThat(r.problems()).containsExactly("Invalid value 'xml' for sre-agent.x.f: expected one of auto, json, text");
  }
}
