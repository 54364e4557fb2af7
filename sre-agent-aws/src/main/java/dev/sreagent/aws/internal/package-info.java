/**
 * Internals of the AWS module, not API: the one SDK-error mapper ({@link dev.sreagent.aws.internal.AwsErrors}),
 * the client factory ({@link dev.sreagent.aws.internal.AwsClients}), the CloudWatch cursor and event mapping,
 * SQS message conversion and JSON/Document conversion. May change in any release.
 */
@NullMarked
package dev.sreagent.aws.internal;

import org.jspecify.annotations.NullMarked;
