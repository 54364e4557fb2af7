package dev.sreagent.redact;

import dev.sreagent.redact.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * TEST FIXTURE. Synthetic, format-valid secrets and personal data, generated at run time from a seeded
 * {@link Random}: right prefix, alphabet, length and checksum, never a real value. Prefixes are assembled
 * from parts so that no secret scanner flags this source file.
 */
final class SyntheticSecrets {
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String DIGITS = "0123456789";
  static final String ALNUM = UPPER + LOWER + DIGITS;
  static final String HEX = "0123456789abcdef";
  static final String B64 = ALNUM + "+/";
  static final String B64URL = ALNUM + "-_";
  static final String BASE32 = UPPER + "234567";
  static final String BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
  static final String PASSWORD = ALNUM + "!$%*+-.^_~";

  /** Where a sample may be embedded. */
  enum Shape { KEY_VALUE, JSON, URL, HEADER, FREE_TEXT }

  static final Set<Shape> ALL = EnumSet.allOf(Shape.class);
  static final Set<Shape> LINE_END = EnumSet.of(Shape.JSON, Shape.HEADER);

  /**
   * One sample: {@code before + secret + after} is the fragment put into a shape; the redactor must
   * replace exactly {@code secret} with {@code <kind:1>}.
   */
  record Sample(String kind, String before, String secret, String after, Set<Shape> shapes) {
    String fragment() {
      return before + secret + after;
    }

    String expectedFragment() {
      return before + "<" + kind + ":1>" + after;
    }

    @Override
    public String toString() {
      return kind; // never print the value in test names
    }
  }

  private final Random r;

  SyntheticSecrets(long seed) {
    this.r = new Random(seed);
  }

  String pick(String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Random chars with at least one letter and one digit (like real keys), so entropy checks apply. */
  String mixed(String alphabet, int n) {
    while (true) {
      String s = pick(alphabet, n);
      if (s.chars().anyMatch(Character::isLetter) && s.chars().anyMatch(Character::isDigit)) {
        return s;
      }
    }
  }

  String digits(int n) {
    return pick(DIGITS, n);
  }

  int between(int lo, int hi) {
    return lo + r.nextInt(hi - lo + 1);
  }

  static String b64url(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static Sample s(String kind, String secret) {
    return new Sample(kind, "", secret, "", ALL);
  }

  static Sample s(String kind, String before, String secret, String after) {
    return new Sample(kind, before, secret, after, ALL);
  }

  static Sample s(String kind, String before, String secret, String after, Set<Shape> shapes) {
    return new Sample(kind, before, secret, after, shapes);
  }

  /** A card number with a valid Luhn digit. */
  String card(String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() < length - 1) {
      b.append(r.nextInt(10));
    }
    for (int d = 0; d <= 9; d++) {
      if (Checks.luhn(b.toString() + d)) {
        return b.toString() + d;
      }
    }
    throw new AssertionError();
  }

  static String grouped(String s, int size, char sep) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && i % size == 0) {
        b.append(sep);
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }

  String iban(String country, int length) {
    String bban = country.equals("GB") || country.equals("NL") ? pick(UPPER, 4) + digits(length - 8) : digits(length - 4);
    return country + Checks.ibanCheckDigits(country, bban) + bban;
  }

  /** A PEM block with {@code lines} body lines of 64 base64 chars, lines joined by {@code nl}. */
  String pem(String type, int lines, String nl) {
    String label = (type.isEmpty() ? "" : type + " ") + "PRIVATE" + " KEY";
    StringBuilder b = new StringBuilder("-----" + "BEGIN " + label + "-----");
    for (int i = 0; i < lines; i++) {
      b.append(nl).append(pick(B64, 64));
    }
    b.append(nl).append(pick(B64, 20)).append("==");
    b.append(nl).append("-----" + "END " + label + "-----");
    return b.toString();
  }

  String nino() {
    while (true) {
      String prefix = pick("ABCEGHJKLMNPRSTWXYZ", 1) + pick("ABCEGHJKLMNPRSTWXYZ", 1);
      if (!Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix)) {
        return prefix + digits(6) + pick("ABCD", 1);
      }
    }
  }

  /** @return one sample of every kind the redactor must find, each generated afresh */
  List<Sample> all() {
    List<Sample> l = new ArrayList<>();
    // ---- clouds ----
    l.add(s("aws-access-key", "AK" + "IA" + pick(BASE32, 16)));
    l.add(s("aws-access-key", "AS" + "IA" + pick(BASE32, 16)));
    l.add(s("aws-secret-key", "aws_secret_access_key=", mixed(ALNUM + "/+", 40), ""));
    l.add(s("aws-secret-key", "AWS secret key: ", mixed(ALNUM + "/+", 40), "", EnumSet.of(Shape.FREE_TEXT, Shape.HEADER, Shape.JSON)));
    l.add(s("aws-session-token", "aws_session_token=", "IQoJb3JpZ2luX2Vj" + pick(ALNUM + "/+", 280), ""));
    l.add(s("gcp-api-key", "AI" + "za" + pick(B64URL, 35)));
    l.add(s("gcp-oauth-client-secret", "GOCS" + "PX-" + pick(B64URL, 28)));
    l.add(s("gcp-oauth-token", "ya" + "29." + pick(B64URL, 120)));
    l.add(s("gcp-private-key-id", "private_key_id=", pick(HEX, 40), ""));
    l.add(s("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=acct" + digits(3) + ";AccountKey=",
        pick(B64, 86) + "==", ";EndpointSuffix=core.windows.net"));
    l.add(s("azure-service-bus-key", "Endpoint=sb://ns" + digits(3) + ".servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=",
        pick(B64, 43) + "=", ";EntityPath=orders"));
    l.add(s("azure-sas-signature", "https://acct" + digits(2) + ".blob.core.windows.net/logs/app.log?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-01T00%3A00%3A00Z&sig=",
        pick(ALNUM, 40) + "%2B" + pick(ALNUM, 3) + "%3D", ""));
    l.add(s("azure-client-secret", pick(ALNUM, 3) + digits(1) + "Q" + "~" + pick(ALNUM + "_~", 33) + pick(ALNUM, 1)));
    // ---- code hosts ----
    l.add(s("github-pat", "gh" + "p_" + pick(ALNUM, 36)));
    l.add(s("github-oauth-token", "gh" + "o_" + pick(ALNUM, 36)));
    l.add(s("github-user-token", "gh" + "u_" + pick(ALNUM, 36)));
    l.add(s("github-app-token", "gh" + "s_" + pick(ALNUM, 36)));
    l.add(s("github-refresh-token", "gh" + "r_" + pick(ALNUM, 36)));
    l.add(s("github-fine-grained-pat", "github" + "_pat_" + pick(ALNUM, 22) + "_" + pick(ALNUM, 59)));
    l.add(s("gitlab-token", "gl" + "pat-" + pick(ALNUM, 20)));
    // ---- SaaS ----
    l.add(s("anthropic-api-key", "sk-" + "ant-api03-" + pick(B64URL, 93) + "AA"));
    l.add(s("openai-api-key", "sk-" + "proj-" + pick(B64URL, 48) + "T3Blbk" + "FJ" + pick(B64URL, 48)));
    l.add(s("slack-token", "xo" + "xb-" + digits(12) + "-" + digits(13) + "-" + pick(ALNUM, 24)));
    l.add(s("slack-webhook", "https://hooks.slack.com/", "services/T" + pick(UPPER + DIGITS, 8) + "/B" + pick(UPPER + DIGITS, 8) + "/" + pick(ALNUM, 24), ""));
    l.add(s("stripe-key", "sk" + "_live_" + pick(ALNUM, 34)));
    l.add(s("stripe-key", "rk" + "_test_" + pick(ALNUM, 24)));
    l.add(s("stripe-webhook-secret", "wh" + "sec_" + pick(ALNUM, 32)));
    l.add(s("twilio-api-key", "S" + "K" + pick(HEX, 32)));
    l.add(s("sendgrid-api-key", "S" + "G." + pick(B64URL, 22) + "." + pick(B64URL, 43)));
    l.add(s("npm-token", "np" + "m_" + pick(ALNUM, 36)));
    l.add(s("pypi-token", "pypi-" + "AgEIcHlwaS5vcmc" + pick(B64URL, 70)));
    l.add(s("huggingface-token", "h" + "f_" + pick(UPPER + LOWER, 34)));
    l.add(s("shopify-token", "shp" + "at_" + pick(HEX, 32)));
    l.add(s("digitalocean-token", "dop" + "_v1_" + pick(HEX, 64)));
    l.add(s("docker-hub-token", "dckr" + "_pat_" + pick(B64URL, 27)));
    l.add(s("linear-api-key", "lin" + "_api_" + pick(ALNUM, 40)));
    l.add(s("postman-api-key", "PM" + "AK-" + pick(HEX, 24) + "-" + pick(HEX, 34)));
    l.add(s("new-relic-api-key", "NR" + "AK-" + pick(UPPER + DIGITS, 27)));
    l.add(s("grafana-token", "gl" + "sa_" + pick(ALNUM, 32) + "_" + pick(HEX, 8)));
    l.add(s("vault-token", "hv" + "s." + pick(B64URL, 96)));
    l.add(s("terraform-cloud-token", pick(ALNUM, 14) + ".atlas" + "v1." + pick(ALNUM, 67)));
    l.add(s("pulumi-token", "pu" + "l-" + pick(HEX, 40)));
    l.add(s("sentry-token", "sntr" + "yu_" + pick(HEX, 64)));
    l.add(s("atlassian-api-token", "ATA" + "TT3" + pick(B64URL, 183)));
    l.add(s("square-token", "sq0" + "atp-" + pick(B64URL, 22)));
    l.add(s("mailgun-api-key", "ke" + "y-" + pick(HEX, 32)));
    l.add(s("mailchimp-api-key", pick(HEX, 32) + "-us" + between(1, 21)));
    l.add(s("age-secret-key", "AGE-" + "SECRET-KEY-1" + pick(BECH32, 58)));
    l.add(s("telegram-bot-token", digits(9) + ":A" + "A" + pick(B64URL, 33)));
    l.add(s("discord-webhook", "https://discord.com/api/webhooks/", digits(18) + "/" + pick(B64URL, 68), ""));
    // ---- generic credentials ----
    l.add(s("jwt", b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
        + b64url("{\"sub\":\"" + pick(ALNUM, 12) + "\",\"iat\":" + digits(10) + "}") + "." + pick(B64URL, 43)));
    l.add(s("bearer-token", "Authorization: Bearer ", pick(B64URL, 40), "", LINE_END));
    l.add(s("bearer-token", "forwarded with bearer ", mixed(B64URL, 48), ""));
    l.add(s("basic-auth", "Authorization: Basic ",
        Base64.getEncoder().encodeToString(("svc-" + pick(LOWER, 6) + ":" + pick(PASSWORD, 14)).getBytes(StandardCharsets.UTF_8)), "", LINE_END));
    l.add(s("basic-auth", "retrying with basic ",
        Base64.getEncoder().encodeToString((pick(LOWER, 6) + ":" + pick(ALNUM, 12)).getBytes(StandardCharsets.UTF_8)), ""));
    l.add(s("authorization", "Authorization: SharedKey ", "acct" + digits(2) + ":" + pick(B64, 43) + "=", "", LINE_END));
    l.add(s("cookie", "Cookie: ", "session=" + pick(ALNUM, 32) + "; theme=dark", "", LINE_END));
    l.add(s("url-password", "postgres://app_user:", pick(PASSWORD, 18), "@db.internal.example:5432/orders"));
    l.add(s("password", "db.password=", pick(PASSWORD, 16), ""));
    l.add(s("password", "DB_PASSWORD=", pick(PASSWORD, 9), ""));
    l.add(s("secret", "client_secret=", pick(ALNUM, 32), ""));
    l.add(s("token", "refresh_token=", pick(ALNUM, 40), ""));
    l.add(s("api-key", "x-api-key: ", pick(ALNUM, 32), ""));
    l.add(s("datadog-api-key", "DD_API_KEY=", pick(HEX, 32), ""));
    l.add(s("datadog-app-key", "dd_app_key=", pick(HEX, 40), ""));
    l.add(s("session-id", "JSESSIONID=", pick(HEX.toUpperCase(), 32), ""));
    l.add(s("signature", "signature=", pick(HEX, 64), ""));
    // ---- personal data ----
    l.add(s("email", pick(LOWER, 6) + "." + pick(LOWER, 5) + "@" + pick(LOWER, 7) + ".example.org"));
    l.add(s("email", pick(LOWER, 4) + "+" + pick(LOWER, 3) + digits(2) + "@" + pick(LOWER, 5) + ".co.uk"));
    l.add(s("ipv4", between(11, 99) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254)));
    l.add(s("ipv4", "192.168." + between(0, 255) + "." + between(1, 254)));
    l.add(s("ipv6", "2001:db8:" + pick(HEX, 4) + ":" + pick(HEX, 4) + ":" + pick(HEX, 4) + ":" + pick(HEX, 4) + ":" + pick(HEX, 3) + "1:" + pick(HEX, 4)));
    l.add(s("ipv6", "fe80::" + pick(HEX, 3) + "a:" + pick(HEX, 4)));
    l.add(s("ipv6", "::ffff:" + between(11, 99) + "." + between(0, 255) + ".1." + between(1, 254)));
    l.add(s("card-number", grouped(card("4", 16), 4, ' ')));
    l.add(s("card-number", grouped(card("5" + between(1, 5), 16), 4, '-')));
    l.add(s("card-number", card("37", 15)));
    l.add(s("card-number", card("6011", 16)));
    l.add(s("phone-number", "+44 20 " + digits(4) + " " + digits(4)));
    l.add(s("phone-number", "+49 30 " + digits(7)));
    l.add(s("phone-number", "+33 " + between(1, 9) + " " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2)));
    l.add(s("phone-number", "+1-" + between(201, 989) + "-" + digits(3) + "-" + digits(4)));
    l.add(s("phone-number", "(" + between(201, 989) + ") " + between(200, 999) + "-" + digits(4)));
    l.add(s("phone-number", between(201, 989) + "." + between(200, 999) + "." + digits(4)));
    l.add(s("phone-number", "mobile=", "0" + between(7, 7) + digits(9), ""));
    l.add(s("us-ssn", String.format("%03d-%02d-%04d", between(1, 665), between(1, 99), between(1, 9999))));
    l.add(s("uk-nino", nino()));
    l.add(s("national-id", "passport_number=", pick(UPPER, 2) + digits(7), ""));
    l.add(s("iban", iban("DE", 22)));
    l.add(s("iban", grouped(iban("GB", 22), 4, ' ')));
    l.add(s("iban", grouped(iban("FR", 27), 4, ' ')));
    l.add(s("iban", iban("NL", 18)));
    return l;
  }
}
