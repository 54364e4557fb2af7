package dev.sreagent.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sreagent.NonRetriableException;
import dev.sreagent.aws.internal.AwsClients;
import dev.sreagent.aws.internal.AwsErrors;
import dev.sreagent.spi.Secret;
import dev.sreagent.spi.SecretStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * A {@link SecretStore} over AWS Secrets Manager {@code GetSecretValue}.
 *
 * <p>Names: {@code my/secret} reads the whole secret (string or binary); {@code my/secret#field} reads one
 * field of a secret whose string is a JSON object (the usual key/value secret). The staging label is
 * {@code sre-agent.aws.secrets.version-stage} ({@code AWSCURRENT}). Values are cached for
 * {@code sre-agent.aws.secrets.cache-ttl}; {@link #refresh} reads again at once, which callers do after an
 * authentication failure with a secret (it may have been rotated).
 *
 * <p>No value ever appears in a log line, an exception message or a {@code toString()}; JSON parse errors
 * about a secret's content are reported without their cause, because the parser quotes the content.
 *
 * <p>Thread safe. Create it with {@link #builder()} or through {@link AwsSecretsManagerSecretStoreProvider}
 * ({@code sre-agent.secret-store=aws}).
 */
public final class AwsSecretsManagerSecretStore implements SecretStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AwsSecretsManagerConfig config;
  private final SecretsManagerClient client;
  private final boolean ownsClient;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private record Cached(Secret secret, Instant expires) {}

  private AwsSecretsManagerSecretStore(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    this.clock = b.clock;
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
    } else {
      this.client = AwsClients.build(SecretsManagerClient.builder(), config.client(), b.credentials, "Secrets Manager");
      this.ownsClient = true;
    }
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Secret get(String name) {
    Cached c = cache.get(name);
    if (c != null && clock.instant().isBefore(c.expires())) {
      return c.secret();
    }
    return load(name);
  }

  @Override
  public Secret refresh(String name) {
    cache.remove(name);
    return load(name);
  }

  private Secret load(String name) {
    if (closed.get()) {
      throw new IllegalStateException("AwsSecretsManagerSecretStore is closed");
    }
    int hash = name.lastIndexOf('#');
    String id = hash < 0 ? name : name.substring(0, hash);
    String field = hash < 0 ? null : name.substring(hash + 1);
    if (id.isEmpty() || (field != null && field.isEmpty())) {
      throw new IllegalArgumentException("Not a secret name: '" + name + "' (use name or name#jsonKey)");
    }
    GetSecretValueResponse r;
    try {
      r = client.getSecretValue(b -> b.secretId(id).versionStage(config.versionStage()));
    } catch (SdkException e) {
      throw AwsErrors.translate("secretsmanager:GetSecretValue", "secret " + id, e);
    }
    String version = r.versionId() == null ? "" : r.versionId();
    Secret secret;
    if (r.secretString() != null) {
      secret = Secret.ofString(name, version, field == null ? r.secretString() : field(id, field, r.secretString()));
    } else if (r.secretBinary() != null) {
      if (field != null) {
        throw new NonRetriableException("Secret " + id + " is binary, so " + name + " cannot select a JSON key: "
            + "store it as a JSON string, or read it without #" + field);
      }
      secret = Secret.ofBytes(name, version, r.secretBinary().asByteArray());
    } else {
      throw new NonRetriableException("Secret " + id + " has no value at stage " + config.versionStage()
          + ": put a value (aws secretsmanager put-secret-value) or check sre-agent.aws.secrets.version-stage");
    }
    if (!config.cacheTtl().isZero()) {
      cache.put(name, new Cached(secret, clock.instant().plus(config.cacheTtl())));
    }
    return secret;
  }

  private static String field(String id, String field, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      // no cause on purpose: the parser's message quotes the secret's text
      throw new NonRetriableException("Secret " + id + " is not a JSON object, so the key " + field
          + " cannot be read: store the secret as JSON key/value pairs, or read it without #" + field);
    }
    if (root == null || !root.isObject()) {
      throw new NonRetriableException("Secret " + id + " is not a JSON object, so the key " + field
          + " cannot be read: store the secret as JSON key/value pairs, or read it without #" + field);
    }
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      throw new NonRetriableException("Secret " + id + " has no key " + field + ": add it to the secret, or fix the name "
          + "(keys present: " + String.join(", ", (Iterable<String>) root::fieldNames) + ")");
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      cache.values().forEach(c -> c.secret().destroy());
      cache.clear();
      if (ownsClient) {
        client.close();
      }
    }
  }

  @Override
  public String toString() {
    return "AwsSecretsManagerSecretStore[stage=" + config.versionStage() + ", cached=" + cache.size() + "]";
  }

  /** Builds an {@link AwsSecretsManagerSecretStore}. Not thread safe. */
  public static final class Builder {
    private @Nullable AwsSecretsManagerConfig config;
    private @Nullable SecretsManagerClient client;
    private @Nullable AwsCredentialsProvider credentials;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The configuration (required). */
    public Builder config(AwsSecretsManagerConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** A client the host built and owns (not closed by the store). */
    public Builder client(SecretsManagerClient value) {
      this.client = Objects.requireNonNull(value, "client");
      return this;
    }

    /** Credentials to use instead of the SDK default chain. */
    public Builder credentialsProvider(AwsCredentialsProvider value) {
      this.credentials = Objects.requireNonNull(value, "credentialsProvider");
      return this;
    }

    /** The clock for the cache's TTL (default: system UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** @return the store */
    public AwsSecretsManagerSecretStore build() {
      if (config == null) {
        throw new IllegalStateException(
            "config is required: AwsSecretsManagerSecretStore.builder().config(AwsSecretsManagerConfig.from(properties))");
      }
      return new AwsSecretsManagerSecretStore(this);
    }
  }
}
