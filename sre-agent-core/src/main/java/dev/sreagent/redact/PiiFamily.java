package dev.sreagent.redact;

import java.util.Locale;
import java.util.Optional;

/**
 * Families of personal data the redactor knows. Each can be kept (not redacted) through
 * {@code sre-agent.redaction.keep-pii}; by default every family is redacted.
 */
public enum PiiFamily {
  /** Email addresses: {@code <email:1>}. */
  EMAIL("email"),
  /** IPv4 and IPv6 addresses (loopback and unspecified excepted): {@code <ipv4:1>}, {@code <ipv6:1>}. */
  IP_ADDRESS("ip-address"),
  /** Payment card numbers that pass the Luhn check and start with a card network prefix: {@code <card-number:1>}. */
  CARD_NUMBER("card-number"),
  /** Phone numbers in international ({@code +44 …}) or North American form, and values of phone fields. */
  PHONE_NUMBER("phone-number"),
  /** National identifiers: US social security numbers, UK national insurance numbers, values of id fields. */
  NATIONAL_ID("national-id"),
  /** International bank account numbers that pass the ISO 13616 check: {@code <iban:1>}. */
  IBAN("iban");

  private final String configName;

  PiiFamily(String configName) {
    this.configName = configName;
  }

  /** @return the name used in configuration, such as {@code ip-address} */
  public String configName() {
    return configName;
  }

  /** @return the family named {@code name} in configuration (case-insensitive), if any */
  public static Optional<PiiFamily> fromConfigName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (PiiFamily f : values()) {
      if (f.configName.equals(n)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
