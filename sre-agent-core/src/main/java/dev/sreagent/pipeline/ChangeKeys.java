package dev.sreagent.pipeline;

import dev.sreagent.spi.ChangeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives the idempotency key of an incident's change or report from its fingerprint. */
public final class ChangeKeys {
  /** The prefix of every key (and so of every branch the agent creates). */
  public static final String PREFIX = "sre-agent-";

  private ChangeKeys() {}

  /**
   * @param fingerprint an incident fingerprint
   * @return {@code sre-agent-} and the first 16 hex digits of the fingerprint's SHA-256: the same
   *     fingerprint always gives the same key, so a retry finds the change it opened before
   */
  public static ChangeKey forFingerprint(String fingerprint) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return new ChangeKey(PREFIX + HexFormat.of().formatHex(d, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
