package dev.sreagent.aws.internal;

import dev.sreagent.aws.AwsClientSettings;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * Builds the SDK clients the same way for every service: the JDK-based url-connection HTTP client, the
 * region and endpoint from {@link AwsClientSettings}, the SDK's standard retry strategy with our backoff,
 * and either the host's credentials provider or the SDK default chain (in production mode, the default chain
 * refusing long-term IAM user keys). Never static keys.
 */
public final class AwsClients {
  private AwsClients() {}

  /**
   * @param builder a fresh SDK client builder ({@code CloudWatchLogsClient.builder()}, …)
   * @param settings region, endpoint, timeouts, retries
   * @param credentials the host's credentials provider, or null for the SDK default chain
   * @param what the service, for the error when no region can be found
   * @return the client; the caller owns and closes it
   * @throws dev.sreagent.ConfigurationException when no region is configured or found by the default chain
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, AwsClientSettings settings, @Nullable AwsCredentialsProvider credentials, String what) {
    settings.region().ifPresent(r -> builder.region(Region.of(r)));
    settings.endpoint().ifPresent(builder::endpointOverride);
    if (credentials != null) {
      builder.credentialsProvider(credentials); // the host's explicit choice
    } else if (settings.production()) {
      builder.credentialsProvider(new TemporaryCredentialsOnly());
    }
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.connectTimeout())
        .socketTimeout(settings.readTimeout()));
    builder.overrideConfiguration(o -> o
        .apiCallTimeout(settings.apiCallTimeout())
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(settings.maxAttempts())
            .backoffStrategy(BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxBackoff()))
            .throttlingBackoffStrategy(
                BackoffStrategy.exponentialDelay(settings.throttlingBaseDelay(), settings.maxBackoff()))
            .build()));
    try {
      return builder.build();
    } catch (SdkClientException e) {
      throw AwsErrors.clientSetup(what, e);
    }
  }
}
