package dev.sreagent.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void defaults() {
    PolicySettings p = PolicySettings.defaults();
    assertThat(p.allowedPaths()).isEqualTo(PolicySettings.DEFAULT_ALLOWED_PATHS);
    assertThat(p.protectedExceptions()).isEmpty();
    assertThat(p.maxFiles()).isEqualTo(3);
    assertThat(p.maxChangedLines()).isEqualTo(60);
    assertThat(p.minConfidence()).isEqualTo(0.7);
    PipelineSettings s = PipelineSettings.defaults();
    assertThat(s.maxModelCalls()).isEqualTo(4);
    assertThat(s.cooldown()).isEqualTo(Duration.ofHours(24));
    assertThat(s.incidentTokenBudget()).isEqualTo(60_000);
    assertThat(s.hourlyTokenBudget()).isEqualTo(600_000);
  }

  @Test
  void policyKeysAreRead() {
    PolicySettings p = PolicySettings.from(ConfigProperties.builder()
        .put("sre-agent.policy.allowed-paths", "services/**, web/**")
        .put("sre-agent.policy.protected-exceptions", "**/Dockerfile")
        .put("sre-agent.policy.max-files", "1").put("sre-agent.policy.max-changed-lines", "20")
        .put("sre-agent.policy.min-confidence", "0.9").build());
    assertThat(p).isEqualTo(new PolicySettings(List.of("services/**", "web/**"), List.of("**/Dockerfile"), 1, 20, 0.9));
  }

  @Test
  void everyBadKeyIsReportedInOneError() {
    ConfigProperties bad = ConfigProperties.builder().put("sre-agent.policy.max-files", "many")
        .put("sre-agent.policy.min-confidence", "2").build();
    assertThatThrownBy(() -> PolicySettings.from(bad))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.policy (2 problems): Invalid value 'many' for sre-agent.policy.max-files: "
            + "expected a whole number such as 10; Invalid value '2' for sre-agent.policy.min-confidence: expected a number from 0.0 to 1.0");
    assertThatThrownBy(() -> ResilienceSettings.from(ConfigProperties.builder().put("sre-agent.model.backoff-min", "10s")
        .put("sre-agent.model.backoff-max", "1s").build()))
        .hasMessage("Invalid values for sre-agent.model.backoff-min and sre-agent.model.backoff-max: the maximum PT1S is below the minimum PT10S");
  }

  @Test
  void changeKeysAreStableAndBranchSafe() {
    assertThat(ChangeKeys.forFingerprint("fp1:abc").value()).isEqualTo(ChangeKeys.forFingerprint("fp1:abc").value())
        .matches("sre-agent-[0-9a-f]{16}");
    assertThat(ChangeKeys.forFingerprint("fp1:abc")).isNotEqualTo(ChangeKeys.forFingerprint("fp1:abd"));
  }
}
