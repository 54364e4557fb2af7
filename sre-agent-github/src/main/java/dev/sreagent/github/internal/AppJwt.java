package dev.sreagent.github.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The JSON Web Token a GitHub App signs to authenticate as itself (RS256): {@code iat} 60 seconds in the
 * past against clock drift, {@code exp} 9 minutes ahead (GitHub accepts at most 10), {@code iss} the app id.
 */
public final class AppJwt {
  static final Duration BACKDATE = Duration.ofSeconds(60);
  static final Duration LIFETIME = Duration.ofMinutes(9);
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private AppJwt() {}

  /**
   * @param appId the app's id
   * @param key the app's private key
   * @param now the current time
   * @return the compact JWT
   */
  public static String sign(long appId, RSAPrivateKey key, Instant now) {
    String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(("{\"iat\":" + now.minus(BACKDATE).getEpochSecond() + ",\"exp\":"
        + now.plus(LIFETIME).getEpochSecond() + ",\"iss\":" + appId + "}").getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + payload;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is not available in this JVM", e);
    }
  }
}
