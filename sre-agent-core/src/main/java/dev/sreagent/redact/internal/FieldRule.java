package dev.sreagent.redact.internal;

import dev.sreagent.redact.PiiFamily;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Values of sensitive fields, whatever the syntax: {@code password=…}, {@code "apiKey": "…"},
 * {@code X-Api-Key: …}, {@code DB_PASSWORD=…}, {@code ?access_token=…&}, escaped JSON inside a string.
 *
 * <p>A field name is normalized (lower case, {@code _ - .} removed) and matched by its end, so
 * {@code spring.datasource.password} and {@code dbPassword} are both passwords. Names that only hint
 * at a secret ({@code …key}, {@code auth}) need a random-looking value (length, letters and digits,
 * entropy); names that are never secret ({@code pageToken}, {@code secretName}) are left alone.
 */
public final class FieldRule implements Rule {
  /** The value after {@code :} or {@code =}: escaped-quoted, double-quoted, single-quoted or bare. */
  private static final Pattern VALUE = Pattern.compile(
      "[ \\t]*(?:\\\\\"(?<ev>(?:[^\"\\\\\\r\\n]|\\\\(?!\"))*)\\\\\""
          + "|\"(?<dq>(?:[^\"\\\\\\r\\n]|\\\\.)*)\""
          + "|'(?<sq>(?:[^'\\\\\\r\\n]|\\\\.)*)'"
          + "|(?<bare>[^\\s\"'`,;&}\\])<>]+))");

  /** A field whose name ends with {@code suffix} holds a value of {@code kind}. */
  private record Suffix(String suffix, String kind, @Nullable PiiFamily family, boolean weak, boolean exact, boolean configured) {
    Suffix(String suffix, String kind, @Nullable PiiFamily family, boolean weak, boolean exact) {
      this(suffix, kind, family, weak, exact, false);
    }
  }

  private static final List<Suffix> BUILT_IN = List.of(
      new Suffix("secretaccesskey", "aws-secret-key", null, false, false),
      new Suffix("awssecretkey", "aws-secret-key", null, false, false),
      new Suffix("awssessiontoken", "aws-session-token", null, false, false),
      new Suffix("privatekeyid", "gcp-private-key-id", null, false, false),
      new Suffix("ddapikey", "datadog-api-key", null, false, false),
      new Suffix("datadogapikey", "datadog-api-key", null, false, false),
      new Suffix("ddappkey", "datadog-app-key", null, false, false),
      new Suffix("datadogappkey", "datadog-app-key", null, false, false),
      new Suffix("ddapplicationkey", "datadog-app-key", null, false, false),
      new Suffix("password", "password", null, false, false),
      new Suffix("passwd", "password", null, false, false),
      new Suffix("passwort", "password", null, false, false),
      new Suffix("pwd", "password", null, false, false),
      new Suffix("passphrase", "password", null, false, false),
      new Suffix("pass", "password", null, false, true),
      new Suffix("secret", "secret", null, false, false),
      new Suffix("secretkey", "secret", null, false, false),
      new Suffix("credentials", "secret", null, false, false),
      new Suffix("credential", "secret", null, false, false),
      new Suffix("creds", "secret", null, false, false),
      new Suffix("accesskey", "secret", null, false, false),
      new Suffix("privatekey", "secret", null, false, false),
      new Suffix("accountkey", "secret", null, false, false),
      new Suffix("signingkey", "secret", null, false, false),
      new Suffix("encryptionkey", "secret", null, false, false),
      new Suffix("masterkey", "secret", null, false, false),
      new Suffix("apikey", "api-key", null, false, false),
      new Suffix("apitoken", "api-key", null, false, false),
      new Suffix("token", "token", null, false, false),
      new Suffix("sessionid", "session-id", null, false, false),
      new Suffix("sessid", "session-id", null, false, false),
      new Suffix("cookie", "cookie", null, false, false),
      new Suffix("sig", "signature", null, false, true),
      new Suffix("signature", "signature", null, false, false),
      new Suffix("phone", "phone-number", PiiFamily.PHONE_NUMBER, false, false),
      new Suffix("phonenumber", "phone-number", PiiFamily.PHONE_NUMBER, false, false),
      new Suffix("mobile", "phone-number", PiiFamily.PHONE_NUMBER, false, false),
      new Suffix("mobilenumber", "phone-number", PiiFamily.PHONE_NUMBER, false, false),
      new Suffix("msisdn", "phone-number", PiiFamily.PHONE_NUMBER, false, false),
      new Suffix("ssn", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("socialsecuritynumber", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("nino", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("nationalinsurancenumber", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("nationalid", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("taxid", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("passportnumber", "national-id", PiiFamily.NATIONAL_ID, false, false),
      new Suffix("key", "secret", null, true, false),
      new Suffix("auth", "secret", null, true, true));

  /** Names that end like a secret but never hold one. */
  private static final Set<String> NEVER = Set.of(
      "pagetoken", "nextpagetoken", "nexttoken", "continuationtoken", "synctoken", "resumetoken", "cancellationtoken",
      "tokentype", "secretname", "secretid", "secretarn", "secretref", "passwordpolicy", "keyid", "publickey",
      "idempotencykey", "cachekey", "partitionkey", "sortkey", "rowkey", "primarykey", "foreignkey", "routingkey",
      "messagekey", "objectkey", "bucketkey", "hashkey", "rangekey", "shardkey", "dedupkey", "lookupkey", "i18nkey",
      "translationkey", "sessiontimeout", "keyboard", "monkey", "turkey", "hotkey");

  private static final Set<String> NOT_VALUES = Set.of(
      "null", "nil", "none", "undefined", "true", "false", "redacted", "[redacted]", "<redacted>", "(redacted)",
      "hidden", "masked", "[filtered]", "filtered", "not-set", "unset", "empty", "n/a");

  /** Keywords that every built-in sensitive name contains (so the prefilter can skip other lines). */
  private static final List<String> BUILT_IN_KEYWORDS = List.of(
      "pass", "pwd", "secret", "cred", "key", "token", "sess", "cookie", "sig", "auth", "phone", "mobile", "msisdn",
      "ssn", "social", "nino", "national", "tax");

  private final List<Suffix> suffixes;
  private final Set<String> allowValues;
  private final List<String> keywords;

  private FieldRule(List<Suffix> suffixes, Set<String> allowValues, List<String> keywords) {
    this.suffixes = List.copyOf(suffixes);
    this.allowValues = Set.copyOf(allowValues);
    this.keywords = List.copyOf(keywords);
  }

  /**
   * @param extraNames further field names whose values are secrets (kind {@code secret}), matched like the
   *     built-in ones; keys are names, values are kinds
   * @param allowValues values that are never redacted
   * @param keep PII families to leave in place
   * @return the rule
   */
  public static FieldRule create(Map<String, String> extraNames, Set<String> allowValues, Set<PiiFamily> keep) {
    List<Suffix> all = new ArrayList<>();
    Set<String> kw = new LinkedHashSet<>(BUILT_IN_KEYWORDS);
    extraNames.forEach((name, kind) -> {
      String n = normalize(name);
      all.add(new Suffix(n, kind, null, false, false, true));
      kw.add(longestWord(name));
    });
    for (Suffix s : BUILT_IN) {
      if (s.family() == null || !keep.contains(s.family())) {
        all.add(s);
      }
    }
    return new FieldRule(all, allowValues, new ArrayList<>(kw));
  }

  /**
   * The prefilter keyword of a configured name: its longest word (split at {@code _ - .} and lower→upper
   * case changes), which appears in the field name however its words are joined.
   */
  static String longestWord(String name) {
    String best = "";
    for (String w : name.split("[_.\\-\\s]+|(?<=[a-z0-9])(?=[A-Z])")) {
      if (w.length() > best.length()) {
        best = w;
      }
    }
    return best.toLowerCase(Locale.ROOT);
  }

  /** @return lower case without {@code _ - .} */
  public static String normalize(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != '.') {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  @Override
  public String name() {
    return "field";
  }

  @Override
  public List<String> keywords() {
    return keywords;
  }

  @Override
  public Set<Gate> gates() {
    return Set.of();
  }

  @Override
  public @Nullable PiiFamily family() {
    return null;
  }

  /**
   * Looks at each {@code :} and {@code =}: the field name is the run of {@code [A-Za-z0-9_.-]} before it
   * (after an optional closing quote, escaped or not, and blanks), starting with a letter or {@code _}
   * that follows no letter, digit, {@code _} or {@code .}; the value is parsed only for sensitive names.
   */
  @Override
  public void find(String text, int priority, List<Span> out) {
    final int n = text.length();
    Matcher value = null;
    for (int i = 0; i < n; i++) {
      char sep = text.charAt(i);
      if (sep != '=' && sep != ':') {
        continue;
      }
      int j = i - 1;
      while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j--;
      }
      if (j >= 0 && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
        j--;
        if (j >= 0 && text.charAt(j) == '\\') {
          j--;
        }
      }
      int nameEnd = j + 1;
      int k = j;
      while (k >= 0 && nameEnd - k <= 80 && isNameChar(text.charAt(k))) {
        k--;
      }
      if (k >= 0 && nameEnd - k > 80 && isNameChar(text.charAt(k))) {
        continue; // longer than a field name
      }
      int nameStart = -1;
      for (int p = k + 1; p < nameEnd; p++) {
        char c = text.charAt(p);
        boolean startChar = c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
        if (startChar && (p == 0 || !isBoundaryBlocker(text.charAt(p - 1)))) {
          nameStart = p;
          break;
        }
      }
      if (nameStart < 0) {
        continue;
      }
      Suffix s = classify(normalize(text.substring(nameStart, nameEnd)));
      if (s == null || nameStart > 0 && text.charAt(nameStart - 1) == ':' && sep == ':') {
        continue; // not sensitive, or a segment of a colon path (arn:aws:secretsmanager:…:secret:name)
      }
      if (value == null) {
        value = VALUE.matcher(text);
      }
      value.region(i + 1, n);
      if (!value.lookingAt()) {
        continue;
      }
      String g = value.start("ev") >= 0 ? "ev" : value.start("dq") >= 0 ? "dq" : value.start("sq") >= 0 ? "sq" : "bare";
      int start = value.start(g);
      int end = value.end(g);
      if (end <= start) {
        continue;
      }
      String v = text.substring(start, end);
      if (!isValue(v) || allowValues.contains(v)) {
        continue;
      }
      if (s.weak() && !Checks.randomLooking(v, 16, 3.0)) {
        continue;
      }
      if (!s.configured() && s.family() == null && !s.kind().equals("password") && v.length() < 6 && isDigits(v)) {
        continue; // max_token=100, cache.key=42: counters, not secrets
      }
      out.add(new Span(start, end, s.kind(), priority));
      i = value.end() - 1;
    }
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
  }

  private static boolean isBoundaryBlocker(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
  }

  private @Nullable Suffix classify(String name) {
    if (NEVER.contains(name)) {
      return null;
    }
    for (Suffix s : suffixes) {
      if (s.exact() ? name.equals(s.suffix()) : name.endsWith(s.suffix())) {
        return s;
      }
    }
    return null;
  }

  private static boolean isValue(String v) {
    if (v.isBlank() || NOT_VALUES.contains(v.toLowerCase(Locale.ROOT))) {
      return false;
    }
    if (v.startsWith("${") || v.startsWith("{{") || v.startsWith("%(") || v.startsWith("<") && v.endsWith(">")) {
      return false; // templates and placeholders
    }
    char first = v.charAt(0);
    if (first == '*' || first == 'x' || first == 'X' || first == '•') {
      for (int i = 1; i < v.length(); i++) {
        if (v.charAt(i) != first) {
          return true;
        }
      }
      return false; // *** or xxxx: already masked
    }
    return true;
  }

  private static boolean isDigits(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "FieldRule[" + suffixes.size() + " names]";
  }
}
