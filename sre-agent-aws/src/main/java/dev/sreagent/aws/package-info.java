/**
 * sre-agent providers for AWS (provider name {@code aws}), on the AWS SDK for Java v2:
 * {@link dev.sreagent.aws.AwsCloudWatchLogSource} (CloudWatch Logs), {@link dev.sreagent.aws.AwsSqsMessageBus}
 * (SQS), {@link dev.sreagent.aws.AwsSecretsManagerSecretStore} (Secrets Manager) and
 * {@link dev.sreagent.aws.AwsBedrockModelClient} (Bedrock Converse), each with its provider and its immutable
 * configuration record read from {@code sre-agent.aws.*}. Credentials and region come from the SDK's default
 * chains, or from clients or a credentials provider the host passes to the builders. See docs/providers/aws.md.
 */
@NullMarked
package dev.sreagent.aws;

import org.jspecify.annotations.NullMarked;
