package dev.sreagent.redact;

import dev.sreagent.ConfigurationException;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.config.ConfigReader;
import dev.sreagent.redact.internal.Catalog;
import dev.sreagent.redact.internal.DefaultRedactionSession;
import dev.sreagent.redact.internal.Engine;
import dev.sreagent.redact.internal.FieldRule;
import dev.sreagent.redact.internal.PatternRule;
import dev.sreagent.redact.internal.Rule;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in redactor: secrets of the three clouds, code hosts and common SaaS vendors, private keys,
 * JWTs, credentials in URLs, headers and fields, and personal data (emails, IP addresses, card numbers,
 * phone numbers, national ids, IBANs). See {@code docs/REDACTION.md} for every kind and its shape.
 *
 * <p>A one-pass keyword and shape prefilter decides which rules can match, so a line without secrets
 * costs about one table lookup per char. Thread safe; build once and share.
 *
 * <pre>{@code
 * Redactor redactor = DefaultRedactor.fromConfig(config, event -> audit.redactions(event.counts()));
 * RedactionSession session = redactor.newSession();      // one per incident
 * String safe = session.redact(untrustedLine);           // "key <aws-access-key:1> rejected"
 * }</pre>
 *
 * <p>Configuration keys (all optional):
 * <ul>
 *   <li>{@value #EXTRA_PATTERNS}{@code <kind>=<regex>}: one key per extra pattern; the whole match, or the
 *       group named {@code secret} when there is one, becomes {@code <kind:n>}. Kinds are lower-case
 *       letters, digits and dashes. Extra patterns run on every text (they have no keyword).</li>
 *   <li>{@value #EXTRA_FIELD_NAMES}: comma-separated field names whose values are secrets (kind
 *       {@code secret}), matched like {@code password}: case-insensitive, {@code _ - .} ignored, by suffix.</li>
 *   <li>{@value #ALLOW_VALUES}: comma-separated values never replaced (a known test account, a public key id).</li>
 *   <li>{@value #KEEP_PII}: comma-separated {@link PiiFamily} names to leave in place, such as {@code ip-address}.</li>
 * </ul>
 */
public final class DefaultRedactor implements Redactor {
  /** Prefix of the keys of extra patterns: {@code sre-agent.redaction.extra-patterns.employee-id=EMP-\d{6}}. */
  public static final String EXTRA_PATTERNS = "sre-agent.redaction.extra-patterns.";
  /** Key of extra sensitive field names. */
  public static final String EXTRA_FIELD_NAMES = "sre-agent.redaction.extra-field-names";
  /** Key of allow-listed values. */
  public static final String ALLOW_VALUES = "sre-agent.redaction.allow-values";
  /** Key of the PII families to keep. */
  public static final String KEEP_PII = "sre-agent.redaction.keep-pii";

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,40}");

  /** Key of the intake sessions' tags: random per redactor, never stored or sent. */
  private final byte[] tagKey = randomKey();

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return key;
  }

  private final Engine engine;
  private final RedactionListener listener;

  private DefaultRedactor(Builder b) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String n : b.fieldNames) {
      names.put(n, "secret");
    }
    FieldRule field = FieldRule.create(names, b.allowValues, b.keep);
    List<Rule> rules = new ArrayList<>(b.extra);
    rules.addAll(Catalog.rules(field, b.keep));
    this.engine = new Engine(rules, b.allowValues, b.prefilter);
    this.listener = b.listener;
  }

  /** @return a redactor with every built-in rule, every PII family redacted, no listener */
  public static DefaultRedactor create() {
    return builder().build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code sre-agent.redaction.*}.
   *
   * @param config the configuration
   * @param listener receives the counts of every redaction for the audit log
   * @return the redactor
   * @throws ConfigurationException listing every bad key (an invalid pattern names its key)
   */
  public static DefaultRedactor fromConfig(ConfigProperties config, RedactionListener listener) {
    ConfigReader r = ConfigReader.of(config, "sre-agent.redaction");
    Builder b = builder().listener(listener);
    for (String key : config.keysWithPrefix(EXTRA_PATTERNS)) {
      String kind = key.substring(EXTRA_PATTERNS.length());
      String regex = config.get(key, "");
      if (!KIND.matcher(kind).matches()) {
        r.check(false, "Invalid key " + key + ": the part after " + EXTRA_PATTERNS
            + " is the placeholder kind and must be lower-case letters, digits and dashes, such as employee-id");
        continue;
      }
      try {
        b.extraPattern(kind, Pattern.compile(regex));
      } catch (PatternSyntaxException e) {
        r.check(false, "Invalid value '" + regex + "' for " + key + ": expected a Java regular expression ("
            + e.getDescription() + " near index " + e.getIndex() + ")");
      }
    }
    for (String n : r.list(EXTRA_FIELD_NAMES)) {
      b.extraFieldName(n);
    }
    for (String v : r.list(ALLOW_VALUES)) {
      b.allowValue(v);
    }
    List<String> unknown = new ArrayList<>();
    for (String f : r.list(KEEP_PII)) {
      PiiFamily.fromConfigName(f).ifPresentOrElse(b::keep, () -> unknown.add(f));
    }
    if (!unknown.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (PiiFamily f : PiiFamily.values()) {
        names.add(f.configName());
      }
      r.check(false, "Invalid value '" + config.get(KEEP_PII, "") + "' for " + KEEP_PII
          + ": expected a comma-separated list of " + String.join(", ", names) + " (unknown: " + String.join(", ", unknown) + ")");
    }
    r.validate();
    return b.build();
  }

  @Override
  public RedactionSession newSession() {
    return new DefaultRedactionSession(engine, listener);
  }

  /** Tags are a keyed hash of the value under a key made for this redactor, which never leaves the process. */
  @Override
  public RedactionSession newIntakeSession() {
    return new DefaultRedactionSession(engine, listener, tagKey);
  }

  @Override
  public String toString() {
    return "DefaultRedactor[" + engine.rules().size() + " rules]";
  }

  /** Builds a {@link DefaultRedactor}; not thread safe. */
  public static final class Builder {
    private final List<Rule> extra = new ArrayList<>();
    private final Set<String> fieldNames = new LinkedHashSet<>();
    private final Set<String> allowValues = new LinkedHashSet<>();
    private final Set<PiiFamily> keep = EnumSet.noneOf(PiiFamily.class);
    private RedactionListener listener = RedactionListener.NONE;
    private boolean prefilter = true;

    private Builder() {}

    /**
     * Adds a pattern; it runs on every text, before the built-in rules.
     *
     * @param kind placeholder kind: lower-case letters, digits and dashes
     * @param pattern the whole match, or its group named {@code secret}, is replaced
     */
    public Builder extraPattern(String kind, Pattern pattern) {
      if (!KIND.matcher(kind).matches()) {
        throw new IllegalArgumentException("kind must be lower-case letters, digits and dashes, such as employee-id: " + kind);
      }
      boolean named = pattern.pattern().contains("(?<secret>");
      extra.add(PatternRule.of(kind, pattern).group(named ? "secret" : "").build());
      return this;
    }

    /** Adds a field name whose values are secrets (matched like {@code password}). */
    public Builder extraFieldName(String name) {
      if (FieldRule.normalize(name).isEmpty()) {
        throw new IllegalArgumentException("field name must have a letter or digit: '" + name + "'");
      }
      fieldNames.add(name);
      return this;
    }

    /** Never replaces exactly this value. */
    public Builder allowValue(String value) {
      allowValues.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Leaves this family of personal data in place. */
    public Builder keep(PiiFamily family) {
      keep.add(Objects.requireNonNull(family, "family"));
      return this;
    }

    /** Receives the counts of every redaction, for the audit log. */
    public Builder listener(RedactionListener l) {
      this.listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /**
     * Turns the prefilter off so every rule runs on every text. Only for measuring the prefilter's gain;
     * the result is the same, only slower.
     */
    public Builder prefilter(boolean on) {
      this.prefilter = on;
      return this;
    }

    /** @return the redactor */
    public DefaultRedactor build() {
      return new DefaultRedactor(this);
    }
  }
}
