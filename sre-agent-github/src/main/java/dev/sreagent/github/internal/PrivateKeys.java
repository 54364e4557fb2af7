package dev.sreagent.github.internal;

import dev.sreagent.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a GitHub App's RSA private key from PEM: {@code BEGIN RSA PRIVATE KEY} (PKCS#1, what GitHub
 * downloads) or {@code BEGIN PRIVATE KEY} (PKCS#8). Errors name the secret, never its content.
 */
public final class PrivateKeys {
  private static final String PKCS1 = "RSA PRIVATE KEY";
  private static final String PKCS8 = "PRIVATE KEY";
  /** AlgorithmIdentifier for rsaEncryption with NULL parameters. */
  private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
      0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private PrivateKeys() {}

  /**
   * @param pem the PEM text
   * @param secretName the secret it came from, for messages
   * @return the key
   * @throws ConfigurationException when the text is not an RSA private key in PEM
   */
  public static RSAPrivateKey parse(String pem, String secretName) {
    String type = pem.contains("-----BEGIN " + PKCS1 + "-----") ? PKCS1
        : pem.contains("-----BEGIN " + PKCS8 + "-----") ? PKCS8 : null;
    if (type == null) {
      throw invalid(secretName, "it holds no PEM block 'BEGIN RSA PRIVATE KEY' or 'BEGIN PRIVATE KEY'");
    }
    int start = pem.indexOf("-----BEGIN " + type + "-----") + ("-----BEGIN " + type + "-----").length();
    int end = pem.indexOf("-----END " + type + "-----", start);
    if (end < 0) {
      throw invalid(secretName, "the PEM block has no END line");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(start, end).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw invalid(secretName, "the PEM body is not valid base64");
    }
    byte[] pkcs8 = type.equals(PKCS1) ? pkcs1ToPkcs8(der) : der;
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw invalid(secretName, "it is not an RSA private key (" + e.getClass().getSimpleName() + ")");
    } finally {
      Arrays.fill(der, (byte) 0);
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING pkcs1 }. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.write(0x04);
    writeLength(body, pkcs1.length);
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write((length >> 8) & 0xff);
      out.write(length & 0xff);
    }
  }

  private static ConfigurationException invalid(String secretName, String why) {
    return new ConfigurationException("The secret '" + secretName + "' named by sre-agent.github.app-private-key-secret is not "
        + "a usable GitHub App private key: " + why + ". Store the .pem file GitHub generated (App settings, 'Private keys') as the secret's value");
  }
}
