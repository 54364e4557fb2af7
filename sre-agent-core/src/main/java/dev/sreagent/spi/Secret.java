package dev.sreagent.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value read from a {@link SecretStore}. {@link #toString()} never shows the value: it is safe
 * to log a {@code Secret}. Read the value with {@link #reveal()} or {@link #bytes()} only where it is used.
 *
 * <p>Immutable and thread safe. Equality is by name, version and value (compared in constant time).
 */
public final class Secret {
  private final String name;
  private final String version;
  private final byte[] value;

  private Secret(String name, String version, byte[] value) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
    this.value = value.clone();
  }

  /**
   * @param name the name it was read by
   * @param version the store's version id, "" if the store has none
   * @param value the text value
   */
  public static Secret ofString(String name, String version, String value) {
    return new Secret(name, version, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param name the name it was read by
   * @param version the store's version id, "" if the store has none
   * @param value the binary value (copied)
   */
  public static Secret ofBytes(String name, String version, byte[] value) {
    return new Secret(name, version, value);
  }

  /** @return the name the secret was read by */
  public String name() {
    return name;
  }

  /** @return the store's version id, "" if none */
  public String version() {
    return version;
  }

  /** @return the value as UTF-8 text; use it where it is needed and do not keep or log it */
  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** @return a copy of the value's bytes */
  public byte[] bytes() {
    return value.clone();
  }

  /** @return the number of bytes in the value */
  public int length() {
    return value.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s
        && s.name.equals(name)
        && s.version.equals(version)
        && java.security.MessageDigest.isEqual(s.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version, value.length);
  }

  /** @return {@code Secret[name=…, version=…, value=<redacted>]}, never the value */
  @Override
  public String toString() {
    return "Secret[name=" + name + ", version=" + version + ", value=<redacted " + value.length + " bytes>]";
  }

  /** Overwrites this instance's copy of the value with zeros (best effort: copies handed out are not reached). */
  public void destroy() {
    Arrays.fill(value, (byte) 0);
  }
}
