package dev.sreagent.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.incident.Incident;
import org.junit.jupiter.api.Test;

class GrouperTest {
  private static ConfigProperties config(String... kv) {
    ConfigProperties.Builder b = ConfigProperties.builder();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], kv[i + 1]);
    }
    return b.build();
  }

  @Test
  void templatesForPlainMessages() {
    Grouper g = Grouper.create();
    Group a = g.group("Cache miss for key 1234");
    Group b = g.group("Cache miss for key 98");
    assertThat(a.kind()).isEqualTo(Incident.Kind.TEMPLATE);
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).startsWith("fp2:t:");
    assertThat(a.title()).isEqualTo("Cache miss for key <*>");
    assertThat(a.exceptionTypes()).isEmpty();
    assertThat(a.ignored()).isFalse();
  }

  @Test
  void stackTracesForTraces() {
    Group g = Grouper.create().group("Request failed\njava.io.UncheckedIOException: read 17 bytes of 20\n"
        + "\tat com.example.api.Reader.read(Reader.java:10)\n");
    assertThat(g.kind()).isEqualTo(Incident.Kind.STACK_TRACE);
    assertThat(g.fingerprint()).startsWith("fp1:s:");
    assertThat(g.title()).isEqualTo("java.io.UncheckedIOException: read <*> of <*>");
    assertThat(g.exceptionTypes()).containsExactly("java.io.UncheckedIOException");
  }

  @Test
  void ignoreRulesComeFirstThenOverrideRules() {
    Grouper g = Grouper.create(GroupingConfig.from(config(
        "sre-agent.grouping.ignore.health", "^GET /health",
        "sre-agent.grouping.override.db.pattern", "(?i)connection (refused|reset)",
        "sre-agent.grouping.override.db.fingerprint", "database-down",
        "sre-agent.grouping.override.both.pattern", "^GET /health")));
    Group ignored = g.group("GET /health 200 3ms");
    assertThat(ignored.ignored()).isTrue();
    assertThat(ignored.fingerprint()).isEqualTo("fp1:i:health");
    Group a = g.group("Connection refused by 10.0.0.5:5432");
    Group b = g.group("pool: connection RESET while reading\njava.net.SocketException: reset\n\tat com.x.Y.z(Y.java:1)\n");
    assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isEqualTo("fp1:o:database-down");
    assertThat(a.kind()).isEqualTo(Incident.Kind.OVERRIDE);
    assertThat(a.ignored()).isFalse();
  }

  @Test
  void overrideFingerprintDefaultsToTheRuleName() {
    Grouper g = Grouper.create(GroupingConfig.from(config("sre-agent.grouping.override.oom.pattern", "OutOfMemoryError")));
    assertThat(g.group("java.lang.OutOfMemoryError: Java heap space").fingerprint()).isEqualTo("fp1:o:oom");
  }

  @Test
  void rulesLookOnlyAtTheStartOfHugeMessages() {
    Grouper g = Grouper.create(GroupingConfig.from(config("sre-agent.grouping.ignore.tail", "NEEDLE")));
    assertThat(g.group("x".repeat(GroupingRule.MATCH_LIMIT) + "NEEDLE").ignored()).isFalse();
    assertThat(g.group("x".repeat(GroupingRule.MATCH_LIMIT - 6) + "NEEDLE").ignored()).isTrue();
  }

  @Test
  void defaultsWhenNothingIsSet() {
    assertThat(GroupingConfig.from(ConfigProperties.empty())).isEqualTo(GroupingConfig.defaults());
  }

  @Test
  void oneErrorListsEveryBadKey() {
    assertThatThrownBy(() -> GroupingConfig.from(config(
        "sre-agent.grouping.max-templates", "0",
        "sre-agent.grouping.ignore.bad", "([a-z",
        "sre-agent.grouping.override.x.fingerprint", "fixed")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.grouping (3 problems): "
            + "Invalid value '0' for sre-agent.grouping.max-templates: expected a whole number from 1 to 10000000; "
            + "Invalid regular expression for sre-agent.grouping.ignore.bad (Unclosed character class at index 4): "
            + "set it to a Java regular expression, such as ^GET /health; "
            + "Missing sre-agent.grouping.override.x.pattern: set it to the regular expression that selects the messages of rule x");
  }

  @Test
  void appPackagesAndMaxFramesAreRead() {
    GroupingConfig c = GroupingConfig.from(config("sre-agent.grouping.app-packages", "com.example, org.acme",
        "sre-agent.grouping.max-frames", "2", "sre-agent.grouping.max-line-length", "1000"));
    assertThat(c.appPackages()).containsExactly("com.example", "org.acme");
    assertThat(c.maxFrames()).isEqualTo(2);
    assertThat(c.maxLineLength()).isEqualTo(1000);
  }
}
