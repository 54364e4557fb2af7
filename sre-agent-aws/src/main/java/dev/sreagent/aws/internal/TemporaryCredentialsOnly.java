package dev.sreagent.aws.internal;

import dev.sreagent.ConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The SDK default credentials chain, refusing long-term access keys: used in production mode, where the
 * agent must run with temporary credentials (a role through EKS IRSA or Pod Identity, ECS, EC2, or SSO),
 * never an IAM user's keys. Resolution happens on the first call, as with the plain default chain.
 */
final class TemporaryCredentialsOnly implements AwsCredentialsProvider {
  // one chain per client; it holds no threads (no async refresh), so the client need not close it
  private final DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();

  @Override
  public AwsCredentials resolveCredentials() {
    AwsCredentials c = chain.resolveCredentials();
    if (c instanceof AwsSessionCredentials) {
      return c;
    }
    throw new ConfigurationException("Long-term AWS access keys (an access key without a session token, from the "
        + "environment, system properties or a profile) are refused in production mode (sre-agent.mode=production): run with a role (EKS IRSA or Pod Identity, ECS task "
        + "role, EC2 instance profile) or other temporary credentials that carry a session token");
  }

  @Override
  public String toString() {
    return "TemporaryCredentialsOnly[" + chain + "]";
  }
}
