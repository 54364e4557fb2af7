package dev.sreagent.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.spi.LogSourceProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderDiscoveryTest {
  private static final String LOCAL = TestProviders.Local.class.getName();
  private static final String AWS = TestProviders.Aws.class.getName();
  private static final String GCP = TestProviders.Gcp.class.getName();
  private static final String BROKEN = TestProviders.Broken.class.getName();

  @TempDir Path dir;

  private ProviderDiscovery classpath(String... providers) {
    Map<Class<?>, List<String>> services = providers.length == 0 ? Map.of() : Map.of(LogSourceProvider.class, List.of(providers));
    return ProviderDiscovery.using(CraftedClassLoader.with(dir, services));
  }

  private static ConfigProperties named(String name) {
    return ConfigProperties.builder().put("sre-agent.log-source", name).build();
  }

  @Test
  void noProviderAtAll() {
    assertThatThrownBy(() -> classpath().select(Capability.LOG_SOURCE, ConfigProperties.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("No LogSource provider is on the classpath: add dev.sreagent:sre-agent-core (local providers) "
            + "or a provider module such as dev.sreagent:sre-agent-aws");
  }

  @Test
  void onlyTheLocalProviderIsTheDefault() {
    Selection<LogSourceProvider> s = classpath(LOCAL).select(Capability.LOG_SOURCE, ConfigProperties.empty());
    assertThat(s.provider().name()).isEqualTo("local");
    assertThat(s.reason()).isEqualTo("default: no other LogSource provider on the classpath");
  }

  @Test
  void oneNonLocalProviderWinsOverLocal() {
    Selection<LogSourceProvider> s = classpath(LOCAL, AWS).select(Capability.LOG_SOURCE, ConfigProperties.empty());
    assertThat(s.provider().name()).isEqualTo("aws");
    assertThat(s.reason()).isEqualTo("the only non-local LogSource provider on the classpath");
  }

  @Test
  void twoNonLocalProvidersAndNoNameIsAnErrorListingThemAndTheKey() {
    assertThatThrownBy(() -> classpath(LOCAL, AWS, GCP).select(Capability.LOG_SOURCE, ConfigProperties.empty()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Found 2 LogSource providers on the classpath (aws, gcp): set sre-agent.log-source "
            + "(environment variable SRE_AGENT_LOG_SOURCE) to the one to use");
  }

  @Test
  void twoProvidersWithANameSelectsIt() {
    Selection<LogSourceProvider> s = classpath(LOCAL, AWS, GCP).select(Capability.LOG_SOURCE, named("gcp"));
    assertThat(s.provider().name()).isEqualTo("gcp");
    assertThat(s.reason()).isEqualTo("named by sre-agent.log-source=gcp (builder)");
  }

  @Test
  void theLocalProviderCanBeNamedEvenWhenACloudOneIsPresent() {
    Selection<LogSourceProvider> s = classpath(LOCAL, AWS).select(Capability.LOG_SOURCE, named("local"));
    assertThat(s.provider().name()).isEqualTo("local");
  }

  @Test
  void aNameWithNoProviderNamesTheArtifactToAdd() {
    assertThatThrownBy(() -> classpath(LOCAL).select(Capability.LOG_SOURCE, named("aws")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("sre-agent.log-source=aws but no LogSource provider named 'aws' is on the classpath: "
            + "add the dependency dev.sreagent:sre-agent-aws (found: local)");
  }

  @Test
  void anUnknownNameSaysToCheckTheSpelling() {
    assertThatThrownBy(() -> classpath(LOCAL, AWS).select(Capability.LOG_SOURCE, named("amazon")))
        .hasMessage("sre-agent.log-source=amazon but no LogSource provider named 'amazon' is on the classpath: "
            + "check the spelling, or add the jar that provides 'amazon' (found: aws, local)");
  }

  @Test
  void aBrokenProviderIsReportedByNameAndTheOthersStillLoad() {
    ProviderDiscovery d = classpath(LOCAL, BROKEN, AWS);
    Candidates<LogSourceProvider> found = d.candidates(Capability.LOG_SOURCE);
    assertThat(found.names()).containsExactly("aws", "local");
    assertThat(found.broken()).containsExactly(new BrokenProvider(BROKEN, "IllegalStateException: no credentials in constructor"));
    assertThat(d.select(Capability.LOG_SOURCE, ConfigProperties.empty()).provider().name()).isEqualTo("aws");
  }

  @Test
  void namingABrokenProviderShowsWhyItFailed() {
    assertThatThrownBy(() -> classpath(LOCAL, BROKEN).select(Capability.LOG_SOURCE, named("azure")))
        .hasMessage("sre-agent.log-source=azure but no LogSource provider named 'azure' is on the classpath: "
            + "add the dependency dev.sreagent:sre-agent-azure (found: local); failed to load: "
            + BROKEN + " (IllegalStateException: no credentials in constructor)");
  }

  @Test
  void aServicesFileNamingAMissingClassIsSkipped() {
    Candidates<LogSourceProvider> found = classpath("com.example.DoesNotExist", LOCAL).candidates(Capability.LOG_SOURCE);
    assertThat(found.names()).containsExactly("local");
    assertThat(found.broken()).hasSize(1);
    assertThat(found.broken().get(0).error()).contains("com.example.DoesNotExist");
  }

  @Test
  void twoProvidersWithOneNameAreAnError() {
    String other = TestProviders.AnotherAws.class.getName();
    assertThatThrownBy(() -> classpath(AWS, other).candidates(Capability.LOG_SOURCE))
        .hasMessage("Two LogSource providers are named 'aws': " + AWS + ", " + other
            + ". Remove one of the jars that carry them from the classpath");
  }

  @Test
  void theSameProviderListedTwiceIsFoundOnce() {
    assertThat(classpath(AWS, AWS, LOCAL).candidates(Capability.LOG_SOURCE).names()).containsExactly("aws", "local");
  }

  @Test
  void theSelectorKeyIsReadFromTheEnvironment() {
    ConfigProperties env = ConfigProperties.builder().withEnvironment(Map.of("SRE_AGENT_LOG_SOURCE", "gcp")).build();
    Selection<LogSourceProvider> s = classpath(LOCAL, AWS, GCP).select(Capability.LOG_SOURCE, env);
    assertThat(s.reason()).isEqualTo("named by sre-agent.log-source=gcp (environment)");
  }
}
