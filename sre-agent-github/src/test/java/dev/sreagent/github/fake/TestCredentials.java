package dev.sreagent.github.fake;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * TEST FIXTURES ONLY. Tokens and keys are generated at run time so that no credential-looking string is in
 * the source: the token prefixes are assembled from parts.
 */
public final class TestCredentials {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCredentials() {}

  /** @return a random string shaped like a classic personal access token */
  public static String classicToken() {
    return "gh" + "p_" + random(18);
  }

  /** @return a random string shaped like a fine-grained personal access token */
  public static String fineGrainedToken() {
    return "github" + "_pat_" + random(30);
  }

  private static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static KeyPair shared;

  /** @return a 2048-bit RSA key pair generated once per test run (generation is slow) */
  public static synchronized KeyPair appKeyPair() {
    if (shared == null) {
      shared = rsaKeyPair();
    }
    return shared;
  }

  /** @return a new 2048-bit RSA key pair */
  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) */
  public static String pkcs8Pem(KeyPair kp) {
    return pem("PRIVATE KEY", kp.getPrivate().getEncoded());
  }

  /** @return the private key as PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), as GitHub downloads it */
  public static String pkcs1Pem(KeyPair kp) {
    return pem("RSA PRIVATE KEY", pkcs1(kp.getPrivate().getEncoded()));
  }

  /** Extracts the PKCS#1 key from a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
  static byte[] pkcs1(byte[] pkcs8) {
    int i = 0;
    i = skipHeader(pkcs8, i);             // SEQUENCE PrivateKeyInfo
    i = skipElement(pkcs8, i);            // INTEGER version
    i = skipElement(pkcs8, i);            // AlgorithmIdentifier
    int[] len = length(pkcs8, i + 1);     // OCTET STRING
    return Arrays.copyOfRange(pkcs8, len[1], len[1] + len[0]);
  }

  private static int skipHeader(byte[] der, int i) {
    return length(der, i + 1)[1];
  }

  private static int skipElement(byte[] der, int i) {
    int[] len = length(der, i + 1);
    return len[1] + len[0];
  }

  /** @return {length, index of the first content byte} */
  private static int[] length(byte[] der, int i) {
    int b = der[i] & 0xff;
    if (b < 0x80) {
      return new int[] {b, i + 1};
    }
    int n = b & 0x7f;
    int len = 0;
    for (int k = 1; k <= n; k++) {
      len = (len << 8) | (der[i + k] & 0xff);
    }
    return new int[] {len, i + 1 + n};
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
