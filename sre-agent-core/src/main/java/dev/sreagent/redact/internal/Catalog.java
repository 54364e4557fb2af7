package dev.sreagent.redact.internal;

import dev.sreagent.redact.PiiFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The built-in rules, most specific first (the order is the priority on overlaps). The map of what
 * exists follows gitleaks' public rule set; the patterns are written here from the vendors' documented
 * token formats.
 */
public final class Catalog {
  private Catalog() {}

  /** No letter, digit, {@code _} or {@code -} after. */
  private static final String E = "(?![A-Za-z0-9_-])";

  /**
   * @param field the rule for sensitive fields (built from configuration)
   * @param keep PII families to leave in place
   * @return the rules in priority order
   */
  public static List<Rule> rules(FieldRule field, Set<PiiFamily> keep) {
    List<Rule> r = new ArrayList<>();
    // ---- whole-credential context rules first: they cover everything after the scheme ----
    r.add(PatternRule.of("private-key",
            "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]*?(?:-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|\\z)")
        .keywords("-----begin").build());
    r.add(PatternRule.of("authorization", Pattern.compile(
            "(?<![A-Za-z0-9_-])(?:proxy-)?authorization\\\\?[\"']?[ \\t]*[:=][ \\t]*\\\\?[\"']?"
                + "(?:(?<scheme>bearer|basic|digest|token|negotiate|ntlm|aws4-hmac-sha256|sharedkey|sharedaccesssignature|hmac|apikey|sso-key|key)[ \\t]+)?"
                + "(?<cred>[^\\s\"'\\\\][^\\r\\n\"'\\\\]*)",
            Pattern.CASE_INSENSITIVE))
        .group("cred").keywords("authorization").classifier((m, v) -> {
          String scheme = m.group("scheme") == null ? "" : m.group("scheme").toLowerCase(Locale.ROOT);
          if (v.startsWith("<") && v.endsWith(">")) {
            return null;
          }
          return switch (scheme) {
            case "bearer" -> "bearer-token";
            case "basic" -> "basic-auth";
            default -> "authorization";
          };
        }).anchor(chars("AaPp"), alnumOr("_-")).build());
    r.add(PatternRule.of("cookie", Pattern.compile(
            "(?<![A-Za-z0-9_-])(?:set-)?cookie\\\\?[\"']?[ \\t]*:[ \\t]*\\\\?[\"']?(?<v>[^\\s\"'\\\\][^\\r\\n\"'\\\\]*)",
            Pattern.CASE_INSENSITIVE))
        .group("v").keywords("cookie").anchor(chars("CcSs"), alnumOr("_-")).build());
    r.add(PatternRule.of("url-password",
            "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\\s:/?#@\"'<>]{0,256}:([^\\s/?#@\"'<>]{1,256})@")
        .group(1).gates(Gate.AT).check(v -> !(v.startsWith("<") && v.endsWith(">"))).anchor(Catalog::isLetter, alnumOr("+.-")).build());

    // ---- cloud providers ----
    r.add(PatternRule.of("aws-access-key", "(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])")
        .group(1).keywords("akia", "asia", "abia", "acca").anchor(chars("A"), alnumOr("")).build());
    r.add(PatternRule.of("aws-secret-key", Pattern.compile(
            "aws.{0,24}?(?:secret|private)[^\\r\\n]{0,24}?[\\s\"':=]+([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
            Pattern.CASE_INSENSITIVE))
        .group(1).keywords("aws").check(v -> Checks.randomLooking(v, 40, 3.5)).anchor(chars("Aa"), null).build());
    r.add(token("gcp-api-key", "AIza[0-9A-Za-z_-]{35}", "aiza"));
    r.add(token("gcp-oauth-client-secret", "GOCSPX-[A-Za-z0-9_-]{28}", "gocspx-"));
    r.add(token("gcp-oauth-token", "ya29\\.[0-9A-Za-z_-]{20,}", "ya29."));
    r.add(PatternRule.of("azure-storage-key", Pattern.compile(
            "AccountKey[ \\t]*=[ \\t]*([A-Za-z0-9+/]{20,}={0,2})", Pattern.CASE_INSENSITIVE))
        .group(1).keywords("accountkey").anchor(chars("Aa"), null).build());
    r.add(PatternRule.of("azure-service-bus-key", Pattern.compile(
            "SharedAccessKey[ \\t]*=[ \\t]*([A-Za-z0-9+/]{20,}={0,2})", Pattern.CASE_INSENSITIVE))
        .group(1).keywords("sharedaccesskey").anchor(chars("Ss"), null).build());
    r.add(PatternRule.of("azure-sas-signature", Pattern.compile(
            "(?<![A-Za-z0-9_])sig=([A-Za-z0-9%+/=_-]{16,})", Pattern.CASE_INSENSITIVE))
        .group(1).keywords("sig=").anchor(chars("Ss"), alnumOr("_")).build());
    r.add(PatternRule.of("azure-client-secret", "(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])")
        .group(1).keywords("q~").build());

    // ---- code hosts ----
    r.add(token("github-pat", "ghp_[A-Za-z0-9]{36,251}", "ghp_"));
    r.add(token("github-oauth-token", "gho_[A-Za-z0-9]{36,251}", "gho_"));
    r.add(token("github-user-token", "ghu_[A-Za-z0-9]{36,251}", "ghu_"));
    r.add(token("github-app-token", "ghs_[A-Za-z0-9]{36,251}", "ghs_"));
    r.add(token("github-refresh-token", "ghr_[A-Za-z0-9]{36,251}", "ghr_"));
    r.add(token("github-fine-grained-pat", "github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}", "github_pat_"));
    r.add(token("gitlab-token", "gl(?:pat|dt|rt|ptt|ft|soat|cbt|imt|oas)-[A-Za-z0-9_-]{20,}",
        "glpat-", "gldt-", "glrt-", "glptt-", "glft-", "glsoat-", "glcbt-", "glimt-", "gloas-"));

    // ---- SaaS keys ----
    r.add(token("anthropic-api-key", "sk-ant-[a-z]{3,8}\\d{2}-[A-Za-z0-9_-]{80,}", "sk-ant-"));
    r.add(token("openai-api-key",
        "sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}",
        "t3blbkfj", "sk-proj-", "sk-svcacct-", "sk-admin-"));
    r.add(PatternRule.of("slack-webhook", "hooks\\.slack\\.com/((?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,})")
        .group(1).keywords("hooks.slack.com").build());
    r.add(token("slack-token", "xox[abposre]-[0-9A-Za-z-]{10,}", "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-"));
    r.add(token("stripe-key", "(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99}", "sk_live_", "sk_test_", "rk_live_", "rk_test_"));
    r.add(token("stripe-webhook-secret", "whsec_[0-9A-Za-z]{32,}", "whsec_"));
    r.add(PatternRule.of("twilio-api-key", "(?<![A-Za-z0-9])(SK[0-9a-fA-F]{32})(?![A-Za-z0-9])").group(1).gates(Gate.SK_WORD_34).anchor(chars("S"), alnumOr("")).build());
    r.add(token("sendgrid-api-key", "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", "sg."));
    r.add(token("npm-token", "npm_[A-Za-z0-9]{36}", "npm_"));
    r.add(token("pypi-token", "pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", "pypi-ageichlwas5vcmc"));
    r.add(token("huggingface-token", "hf_[A-Za-z]{34}", "hf_"));
    r.add(token("shopify-token", "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}", "shpat_", "shpca_", "shppa_", "shpss_"));
    r.add(token("digitalocean-token", "do[opr]_v1_[a-f0-9]{64}", "dop_v1_", "doo_v1_", "dor_v1_"));
    r.add(token("docker-hub-token", "dckr_pat_[A-Za-z0-9_-]{27,}", "dckr_pat_"));
    r.add(token("linear-api-key", "lin_api_[A-Za-z0-9]{40}", "lin_api_"));
    r.add(token("postman-api-key", "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}", "pmak-"));
    r.add(token("new-relic-api-key", "NRAK-[A-Z0-9]{27}", "nrak-"));
    r.add(token("grafana-token", "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2}", "glsa_", "glc_"));
    r.add(token("vault-token", "hv[sb]\\.[A-Za-z0-9_-]{90,}", "hvs.", "hvb."));
    r.add(token("terraform-cloud-token", "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}", ".atlasv1."));
    r.add(token("pulumi-token", "pul-[a-f0-9]{40}", "pul-"));
    r.add(token("sentry-token", "sntrys_[A-Za-z0-9+/=_]{50,}|sntryu_[a-f0-9]{64}", "sntrys_", "sntryu_"));
    r.add(token("atlassian-api-token", "ATATT3[A-Za-z0-9_=-]{150,}", "atatt3"));
    r.add(token("square-token", "sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}", "sq0atp-", "sq0csp-"));
    r.add(token("mailgun-api-key", "key-[0-9a-f]{32}", "key-"));
    r.add(token("mailchimp-api-key", "[0-9a-f]{32}-us\\d{1,2}", "-us"));
    r.add(token("age-secret-key", "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}", "age-secret-key-1"));
    r.add(PatternRule.of("telegram-bot-token", "(?<![0-9])(\\d{8,10}:AA[A-Za-z0-9_-]{33})" + E).group(1).keywords(":aa").anchor(Catalog::isDigit, Catalog::isDigit).build());
    r.add(PatternRule.of("discord-webhook", "discord(?:app)?\\.com/api/webhooks/(\\d{17,20}/[A-Za-z0-9_-]{60,68})")
        .group(1).keywords("discord").build());
    r.add(token("jwt", "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*", "eyj"));
    r.add(PatternRule.of("bearer-token", "(?<![A-Za-z0-9])[Bb]earer[ \\t]+([A-Za-z0-9._~+/-]{16,}=*)(?![A-Za-z0-9._~+/=-])")
        .group(1).keywords("bearer").check(v -> Checks.randomLooking(v, 16, 3.0)).anchor(chars("Bb"), alnumOr("")).build());
    r.add(PatternRule.of("basic-auth", "(?<![A-Za-z0-9])[Bb]asic[ \\t]+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])")
        .group(1).keywords("basic").check(Checks::basicCredentials).anchor(chars("Bb"), alnumOr("")).build());

    // ---- fields: password=…, "apiKey": "…" ----
    r.add(field);

    // ---- personal data ----
    if (!keep.contains(PiiFamily.IBAN)) {
      r.add(PatternRule.of("iban", "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])")
          .group(1).gates(Gate.UPPER_UPPER_DIGIT_DIGIT).family(PiiFamily.IBAN).check(Checks::iban).anchor(Catalog::isUpper, alnumOr("")).build());
    }
    if (!keep.contains(PiiFamily.EMAIL)) {
      r.add(new EmailRule());
    }
    if (!keep.contains(PiiFamily.CARD_NUMBER)) {
      r.add(PatternRule.of("card-number", "(?<![A-Za-z0-9-])(?:\\d[ -]?){12,18}\\d(?![A-Za-z0-9]|-\\d)")
          .gates(Gate.LONG_NUMBER).family(PiiFamily.CARD_NUMBER).check(Checks::cardNumber).anchor(Catalog::isDigit, alnumOr("-")).build());
    }
    if (!keep.contains(PiiFamily.NATIONAL_ID)) {
      r.add(PatternRule.of("us-ssn", "(?<![A-Za-z0-9-])\\d{3}-\\d{2}-\\d{4}(?![A-Za-z0-9]|-\\d)")
          .gates(Gate.SSN_SHAPE).family(PiiFamily.NATIONAL_ID).check(Checks::ssn).anchor(Catalog::isDigit, alnumOr("-")).build());
      r.add(PatternRule.of("uk-nino",
              "(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D](?![A-Za-z0-9])")
          .gates(Gate.UPPER_UPPER_DIGIT_DIGIT).family(PiiFamily.NATIONAL_ID).anchor(Catalog::isUpper, alnumOr("")).build());
    }
    if (!keep.contains(PiiFamily.PHONE_NUMBER)) {
      r.add(PatternRule.of("phone-number", "(?<![A-Za-z0-9+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?)?(?:[ .-]?\\d{1,5}){1,6}(?![A-Za-z0-9]|[.-]\\d)")
          .gates(Gate.PLUS_NUMBER).family(PiiFamily.PHONE_NUMBER).check(v -> {
            int d = Checks.digits(v).length();
            return d >= 8 && d <= 15;
          }).anchor(chars("+"), alnumOr("+")).build());
      r.add(PatternRule.of("phone-number",
              "(?<![A-Za-z0-9.+-])(?:1[ .-])?(?:\\(\\d{3}\\)[ ]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?![A-Za-z0-9]|[.-]\\d)")
          .gates(Gate.US_PHONE_SHAPE).family(PiiFamily.PHONE_NUMBER).check(v -> {
            String d = Checks.digits(v);
            char area = d.length() == 11 ? d.charAt(1) : d.charAt(0);
            return area >= '2';
          }).anchor(c -> isDigit(c) || c == '(', alnumOr(".+-")).build());
    }
    if (!keep.contains(PiiFamily.IP_ADDRESS)) {
      r.add(PatternRule.of("ipv6",
              "(?<![A-Za-z0-9:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4}|:?)(?![A-Za-z0-9:]|\\.\\d)")
          .gates(Gate.IPV6).family(PiiFamily.IP_ADDRESS).check(Checks::ipv6).anchor(c -> isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':', alnumOr(":.")).build());
      r.add(PatternRule.of("ipv4",
              "(?<![A-Za-z0-9.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![A-Za-z0-9]|\\.\\d)")
          .gates(Gate.IPV4).family(PiiFamily.IP_ADDRESS).check(Checks::ipv4).anchor(Catalog::isDigit, alnumOr(".")).build());
    }
    return r;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpper(int c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLetter(int c) {
    return c >= 'a' && c <= 'z' || isUpper(c);
  }

  private static IntPredicate chars(String set) {
    return c -> set.indexOf(c) >= 0;
  }

  /** @return letters, digits and {@code extra} */
  private static IntPredicate alnumOr(String extra) {
    return c -> isLetter(c) || isDigit(c) || extra.indexOf(c) >= 0;
  }

  private static PatternRule token(String kind, String regex, String... keywords) {
    String body = regex.contains("|") ? "(?:" + regex + ")" : regex;
    return PatternRule.of(kind, body + E).tokenBoundary().keywords(keywords).build();
  }
}
