package dev.sreagent.grouping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user rule matched against the first {@value #MATCH_LIMIT} characters of a message with {@link
 * java.util.regex.Matcher#find()}: an <em>ignore</em> rule drops matching events from grouping and detection;
 * an <em>override</em> rule gives them a fixed fingerprint {@code fp1:o:<fingerprint>}, whatever their text.
 *
 * @param name the rule's name, from its configuration key
 * @param pattern the regular expression
 * @param fingerprint for an override, the fixed fingerprint text; "" for an ignore rule
 */
public record GroupingRule(String name, Pattern pattern, String fingerprint) {
  /** Characters of a message a rule looks at (bounds the cost of a rule on huge untrusted lines). */
  public static final int MATCH_LIMIT = 8192;

  /** Validates. */
  public GroupingRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** @return an ignore rule */
  public static GroupingRule ignore(String name, String regex) {
    return new GroupingRule(name, Pattern.compile(regex), "");
  }

  /** @return an override rule */
  public static GroupingRule override(String name, String regex, String fingerprint) {
    return new GroupingRule(name, Pattern.compile(regex), fingerprint);
  }

  /** @return true when the pattern is found in the first {@value #MATCH_LIMIT} characters of {@code message} */
  public boolean matches(String message) {
    return pattern.matcher(message).region(0, Math.min(message.length(), MATCH_LIMIT)).find();
  }
}
