package dev.sreagent.redact.internal;

/**
 * Structural conditions the prefilter detects in one pass, for rules that have no distinctive keyword.
 * Each gate is a necessary condition of its rule's pattern: when the gate does not fire, the pattern
 * cannot match.
 */
public enum Gate {
  /** An {@code @} anywhere: emails, credentials in URLs. */
  AT,
  /** A run of digits and dots with at least three dots: IPv4 addresses. */
  IPV4,
  /** A run of hex digits and colons with {@code ::} or at least six colons: IPv6 addresses. */
  IPV6,
  /** A cluster of at least 13 digits with single separators: card numbers. */
  LONG_NUMBER,
  /** Digit groups 3-2-4: US social security numbers. */
  SSN_SHAPE,
  /** Digit groups 3-3-4: North American phone numbers. */
  US_PHONE_SHAPE,
  /** A {@code +} directly followed by a digit cluster of at least 7 digits: international phone numbers. */
  PLUS_NUMBER,
  /** Two upper-case letters and two digits at a word start: IBANs, UK national insurance numbers. */
  UPPER_UPPER_DIGIT_DIGIT,
  /** A 34-character alphanumeric word starting with {@code SK}: Twilio API keys. */
  SK_WORD_34,
  /** Always run (extra patterns configured without keywords). */
  ALWAYS
}
