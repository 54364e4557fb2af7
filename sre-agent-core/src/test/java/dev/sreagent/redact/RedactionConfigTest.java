package dev.sreagent.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sre-agent.redaction.*}: extra patterns and names, allow-listed values, PII to keep; exact errors. */
class RedactionConfigTest {
  private static ConfigProperties config(Map<String, String> values) {
    return ConfigProperties.builder().putAll(values).build();
  }

  @Test
  void readsEveryKey() {
    List<RedactionEvent> events = new ArrayList<>();
    String allowed = "test" + "account@" + "example.com";
    Redactor redactor = DefaultRedactor.fromConfig(config(Map.of(
        "sre-agent.redaction.extra-patterns.employee-id", "EMP-\\d{6}",
        "sre-agent.redaction.extra-field-names", "x-tenant-pin, loyalty_code",
        "sre-agent.redaction.allow-values", allowed,
        "sre-agent.redaction.keep-pii", "ip-address, PHONE-NUMBER")), events::add);
    RedactionSession session = redactor.newSession();

    String out = session.redact("EMP-004211 x_tenant_pin=4411 loyaltyCode=ZX81 from 10.1.2.3 +44 20 7946 0000 "
        + allowed + " other" + "@" + "example.com");

    assertThat(out).isEqualTo("<employee-id:1> x_tenant_pin=<secret:1> loyaltyCode=<secret:2> from 10.1.2.3 +44 20 7946 0000 "
        + allowed + " <email:1>");
    assertThat(events).hasSize(1);
    assertThat(events.get(0).counts()).isEqualTo(Map.of("employee-id", 1, "secret", 2, "email", 1));
  }

  @Test
  void anInvalidPatternIsAnErrorNamingItsKey() {
    assertThatThrownBy(() -> DefaultRedactor.fromConfig(config(Map.of(
            "sre-agent.redaction.extra-patterns.employee-id", "EMP-(\\d{6}")), RedactionListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid value 'EMP-(\\d{6}' for sre-agent.redaction.extra-patterns.employee-id: "
            + "expected a Java regular expression (Unclosed group near index 10)");
  }

  @Test
  void aBadKindIsAnErrorNamingItsKey() {
    assertThatThrownBy(() -> DefaultRedactor.fromConfig(config(Map.of(
            "sre-agent.redaction.extra-patterns.Employee_ID", "EMP-\\d{6}")), RedactionListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid key sre-agent.redaction.extra-patterns.Employee_ID: the part after "
            + "sre-agent.redaction.extra-patterns. is the placeholder kind and must be lower-case letters, digits and dashes, "
            + "such as employee-id");
  }

  @Test
  void anUnknownPiiFamilyIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> DefaultRedactor.fromConfig(config(Map.of(
            "sre-agent.redaction.keep-pii", "email,ip,postcode")), RedactionListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid value 'email,ip,postcode' for sre-agent.redaction.keep-pii: expected a comma-separated list of "
            + "email, ip-address, card-number, phone-number, national-id, iban (unknown: ip, postcode)");
  }

  @Test
  void everyBadKeyIsReportedInOneError() {
    assertThatThrownBy(() -> DefaultRedactor.fromConfig(config(Map.of(
            "sre-agent.redaction.extra-patterns.a", "[",
            "sre-agent.redaction.extra-patterns.b", "(?<x",
            "sre-agent.redaction.keep-pii", "none")), RedactionListener.NONE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Invalid configuration for sre-agent.redaction (3 problems): "
            + "Invalid value '[' for sre-agent.redaction.extra-patterns.a: expected a Java regular expression (Unclosed character class near index 0); "
            + "Invalid value '(?<x' for sre-agent.redaction.extra-patterns.b: expected a Java regular expression (named capturing group is missing trailing '>' near index 4); "
            + "Invalid value 'none' for sre-agent.redaction.keep-pii: expected a comma-separated list of "
            + "email, ip-address, card-number, phone-number, national-id, iban (unknown: none)");
  }

  @Test
  void emptyConfigurationRedactsEverything() {
    RedactionSession s = DefaultRedactor.fromConfig(ConfigProperties.empty(), RedactionListener.NONE).newSession();
    assertThat(s.redact("from 10.1.2.3")).isEqualTo("from <ipv4:1>");
  }
}
