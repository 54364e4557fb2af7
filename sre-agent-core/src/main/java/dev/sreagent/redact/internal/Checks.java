package dev.sreagent.redact.internal;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.nio.charset.StandardCharsets;

/** Validators that make loose patterns precise: checksums, entropy, address ranges. */
public final class Checks {
  private Checks() {}

  /** @return Shannon entropy in bits per char */
  public static double entropy(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] freq = new int[128];
    int other = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        freq[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int f : freq) {
      if (f > 0) {
        double p = (double) f / n;
        h -= p * (Math.log(p) / Math.log(2));
      }
    }
    if (other > 0) {
      double p = (double) other / n;
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  /** @return true when the digits of {@code s} (other chars ignored) pass the Luhn check */
  public static boolean luhn(CharSequence s) {
    int sum = 0;
    boolean dbl = false;
    int digits = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
      digits++;
    }
    return digits > 0 && sum % 10 == 0;
  }

  /** @return the digits of {@code s} */
  public static String digits(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A payment card: 13–19 digits, one separator style, a network prefix (Visa, Mastercard, Amex,
   * Discover, JCB, Diners, UnionPay, Maestro) and the Luhn check.
   */
  public static boolean cardNumber(String match) {
    boolean space = match.indexOf(' ') >= 0;
    boolean dash = match.indexOf('-') >= 0;
    if (space && dash) {
      return false;
    }
    String d = digits(match);
    int n = d.length();
    if (n < 13 || n > 19 || !luhn(d)) {
      return false;
    }
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p3 = Integer.parseInt(d.substring(0, 3));
    boolean visa = d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19);
    boolean master = ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16;
    boolean amex = (p2 == 34 || p2 == 37) && n == 15;
    boolean discover = (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && n >= 16;
    boolean jcb = p4 >= 3528 && p4 <= 3589 && n >= 16;
    boolean diners = (p2 == 36 || p2 == 38 || p2 == 39 || (p3 >= 300 && p3 <= 305)) && n >= 14;
    boolean unionPay = p2 == 62 && n >= 16;
    boolean maestro = (p2 == 50 || (p2 >= 56 && p2 <= 58) || p2 == 63 || p2 == 67) && n >= 12;
    return visa || master || amex || discover || jcb || diners || unionPay || maestro;
  }

  private static final Map<String, Integer> IBAN_LENGTHS = ibanLengths();

  private static Map<String, Integer> ibanLengths() {
    String spec = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 EG29 "
        + "ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 "
        + "LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 "
        + "RS22 SA24 SC31 SE24 SI19 SK24 SM27 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20";
    java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
    for (String e : spec.split(" ")) {
      m.put(e.substring(0, 2), Integer.parseInt(e.substring(2)));
    }
    return Map.copyOf(m);
  }

  /** An IBAN: a known country, that country's length, and ISO 13616 mod-97 == 1. Spaces are ignored. */
  public static boolean iban(String match) {
    String s = match.replace(" ", "");
    if (s.length() < 15) {
      return false;
    }
    Integer len = IBAN_LENGTHS.get(s.substring(0, 2));
    if (len == null || len != s.length()) {
      return false;
    }
    String rearranged = s.substring(4) + s.substring(0, 4);
    int mod = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
        mod = (mod * 10 + v) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
        mod = (mod * 100 + v) % 97;
      } else {
        return false;
      }
    }
    return mod == 1;
  }

  /** @return the ISO 13616 check digits for {@code country} + {@code bban} (for generators) */
  public static String ibanCheckDigits(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder num = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
    return (check < 10 ? "0" : "") + check;
  }

  /**
   * An IPv4 address that identifies a host: not loopback (127/8), not a /8 network address such as
   * {@code 0.0.0.0} or {@code 120.0.0.0} (which is also how versions like {@code Chrome/120.0.0.0} look),
   * not the broadcast address.
   */
  public static boolean ipv4(String match) {
    return !(match.startsWith("127.") || match.endsWith(".0.0.0") || match.equals("255.255.255.255"));
  }

  private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
      "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** A well-formed IPv6 address other than {@code ::} and {@code ::1}; zone ids are not part of the match. */
  public static boolean ipv6(String s) {
    if (s.equals("::") || s.equals("::1")) {
      return false;
    }
    int lastColon = s.lastIndexOf(':');
    if (lastColon < 0) {
      return false;
    }
    String body = s;
    int groupsNeeded = 8;
    if (s.indexOf('.') > lastColon) {
      if (!IPV4.matcher(s.substring(lastColon + 1)).matches()) {
        return false;
      }
      groupsNeeded = 6;
      body = s.substring(0, lastColon + 1);
      if (!body.endsWith("::")) {
        body = body.substring(0, body.length() - 1);
      }
    }
    int dbl = body.indexOf("::");
    if (dbl >= 0) {
      if (body.indexOf("::", dbl + 1) >= 0) {
        return false;
      }
      int a = countGroups(body.substring(0, dbl));
      int b = countGroups(body.substring(dbl + 2));
      return a >= 0 && b >= 0 && a + b < groupsNeeded;
    }
    return countGroups(body) == groupsNeeded;
  }

  private static int countGroups(String part) {
    if (part.isEmpty()) {
      return 0;
    }
    String[] g = part.split(":", -1);
    for (String x : g) {
      if (x.isEmpty() || x.length() > 4) {
        return -1;
      }
      for (int i = 0; i < x.length(); i++) {
        if (Character.digit(x.charAt(i), 16) < 0) {
          return -1;
        }
      }
    }
    return g.length;
  }

  /** A US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000. */
  public static boolean ssn(String match) {
    String d = digits(match);
    if (d.length() != 9) {
      return false;
    }
    String area = d.substring(0, 3);
    return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
        && !d.substring(3, 5).equals("00") && !d.substring(5).equals("0000");
  }

  /** The value of a Basic authorization: base64 that decodes to {@code user:password}. */
  public static boolean basicCredentials(String value) {
    try {
      String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      return decoded.indexOf(':') > 0 || decoded.indexOf(':') == 0 && decoded.length() > 1;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** @return true when {@code s} looks random enough to be a credential: long, mixed, high entropy */
  public static boolean randomLooking(String s, int minLength, double minEntropy) {
    if (s.length() < minLength) {
      return false;
    }
    boolean letter = false;
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      letter |= Character.isLetter(c);
      digit |= Character.isDigit(c);
    }
    return letter && digit && entropy(s) >= minEntropy;
  }
}
