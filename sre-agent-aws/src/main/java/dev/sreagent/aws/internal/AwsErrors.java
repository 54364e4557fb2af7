package dev.sreagent.aws.internal;

import dev.sreagent.ConfigurationException;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.SreAgentException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where AWS SDK exceptions become sre-agent exceptions, for all four services. Every
 * result keeps the SDK exception as its cause and says, in one line, what failed and what to do:
 *
 * <ul>
 *   <li>throttling (HTTP 429, {@code ThrottlingException}, …), 5xx, timeouts, unreachable endpoints and
 *       malformed responses → {@link RetriableException} ({@code Retry-After} carried when sent);
 *   <li>expired or invalid credentials, 401/403, 404 (missing log group, queue, secret, model), a prompt
 *       too long for the model, other 4xx → {@link NonRetriableException};
 *   <li>no credentials or no region found by the SDK's default chains → {@link ConfigurationException}.
 * </ul>
 *
 * AWS error messages are included (shortened) because they name the resource; no AWS response echoes a
 * secret value, and request bodies are never included.
 */
public final class AwsErrors {
  private static final int MAX_AWS_MESSAGE = 300;

  private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
      "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException",
      "ProvisionedThroughputExceededException", "SlowDown", "BandwidthLimitExceeded", "ServiceQuotaExceededException",
      "AWS.SimpleQueueService.RequestThrottled");
  private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
      "TokenRefreshRequired");
  private static final Set<String> INVALID_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
      "InvalidSignatureException", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
      "InvalidAccessKeyId", "AuthFailure");
  private static final Set<String> TRANSIENT = Set.of("ServiceUnavailable", "ServiceUnavailableException",
      "InternalFailure", "InternalServerError", "InternalServerException", "InternalError", "ModelNotReadyException",
      "ModelTimeoutException", "ModelStreamErrorException", "RequestTimeout", "RequestTimeoutException",
      "AWS.SimpleQueueService.ServiceUnavailable", "KMSThrottlingException");
  /** Bedrock's wordings for a prompt over the model's context window. */
  private static final Pattern CONTEXT_TOO_LONG = Pattern.compile(
      "(?i)(too long|too many (input )?tokens|context (length|window)|maximum context|input length|"
          + "exceeds? .{0,40}(token|context)|prompt is too long)");

  private AwsErrors() {}

  /**
   * @param action the IAM action of the call, e.g. {@code logs:FilterLogEvents}
   * @param resource what it was called on, e.g. {@code log group /aws/lambda/orders}
   * @param e what the SDK threw
   * @return the sre-agent exception to throw, with {@code e} as its cause
   */
  public static SreAgentException translate(String action, String resource, SdkException e) {
    if (e instanceof AwsServiceException s) {
      return service(action, resource, s);
    }
    return client(action, resource, e);
  }

  /** @return the error for a client that could not be built (no region found) */
  static SreAgentException clientSetup(String what, SdkClientException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("region")) {
      return new ConfigurationException("No AWS region for " + what + ": set sre-agent.aws.region (for example us-east-1) "
          + "or the AWS_REGION environment variable, or run where the SDK's region chain finds one", e);
    }
    return new ConfigurationException("Cannot create the AWS client for " + what + ": " + shorten(m), e);
  }

  private static SreAgentException service(String action, String resource, AwsServiceException e) {
    AwsErrorDetails d = e.awsErrorDetails();
    String code = d == null || d.errorCode() == null ? "" : d.errorCode();
    String awsMessage = d == null || d.errorMessage() == null ? "" : shorten(d.errorMessage());
    int status = e.statusCode();
    String tail = " (" + (code.isEmpty() ? "no error code" : code) + ", HTTP " + status
        + (e.requestId() == null ? "" : ", request id " + e.requestId()) + ")";

    if (EXPIRED.contains(code) || awsMessage.toLowerCase(Locale.ROOT).contains("token included in the request is expired")) {
      return new NonRetriableException("The AWS credentials used for " + action + " have expired" + tail
          + ": renew them (aws sso login, a new role session, or check the credential process); sre-agent uses the SDK "
          + "default credentials chain and reads no keys from its own configuration", e);
    }
    if (INVALID_CREDENTIALS.contains(code)) {
      return new NonRetriableException("AWS did not accept the credentials used for " + action + tail
          + ": check which identity the SDK default chain picks up (AWS_PROFILE, AWS_ACCESS_KEY_ID, the role)", e);
    }
    if (e.isThrottlingException() || THROTTLING.contains(code) || status == 429) {
      return new RetriableException("AWS throttled " + action + " on " + resource + tail
          + ": retry later, or ask for a higher quota if it persists", retryAfter(e).orElse(null), e);
    }
    if (status == 401 || status == 403 || code.startsWith("AccessDenied") || code.equals("UnauthorizedOperation")
        || code.equals("AuthorizationError") || code.equals("KMSAccessDeniedException")) {
      return new NonRetriableException("AWS denied " + action + " on " + resource + tail + ": grant " + action
          + " on it to the agent's role (docs/providers/aws.md lists the minimal IAM policy)" + accessHint(action, code)
          + detail(awsMessage), e);
    }
    if (status == 404 || code.contains("NotFound") || code.contains("NonExistent") || code.contains("DoesNotExist")) {
      return new NonRetriableException(capitalize(resource) + " was not found by " + action + tail
          + ": check the name and the region (sre-agent.aws.region)" + detail(awsMessage), e);
    }
    if (status >= 500 || TRANSIENT.contains(code)) {
      return new RetriableException("AWS failed " + action + " on " + resource + tail + ": a transient AWS error, retry"
          + detail(awsMessage), retryAfter(e).orElse(null), e);
    }
    if (code.equals("ValidationException") && action.startsWith("bedrock:") && CONTEXT_TOO_LONG.matcher(awsMessage).find()) {
      return new NonRetriableException("The prompt is too long for " + resource + tail
          + ": shorten it (fewer log lines, smaller files) or use a model with a larger context window; "
          + "retrying the same request fails again" + detail(awsMessage), e);
    }
    return new NonRetriableException("AWS rejected " + action + " on " + resource + tail + detail(awsMessage), e);
  }

  private static SreAgentException client(String action, String resource, SdkException e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof ConfigurationException c) {
        return c; // our own refusal (long-term keys in production), raised inside the SDK's credential resolution
      }
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || causedBy(e, SocketTimeoutException.class) || causedBy(e, InterruptedIOException.class)) {
      return new RetriableException(action + " on " + resource + " timed out: retry, and raise sre-agent.aws.api-call-timeout "
          + "or the service's read-timeout if it keeps happening", e);
    }
    String m = String.valueOf(e.getMessage());
    if (m.contains("Unable to load credentials") || m.contains("credentials provider")) {
      return new ConfigurationException("No AWS credentials found for " + action + ": run with a role (EKS IRSA or Pod "
          + "Identity, ECS task role, EC2 instance profile) or set AWS_PROFILE or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY "
          + "environment variables; sre-agent reads no keys from its own configuration", e);
    }
    if (causedBy(e, UnknownHostException.class) || causedBy(e, ConnectException.class)) {
      return new RetriableException("Could not reach AWS for " + action + " on " + resource + ": " + shorten(m)
          + " (check the network, proxy, VPC endpoint or sre-agent.aws.*.endpoint)", e);
    }
    if (m.contains("Unable to unmarshall") || m.contains("Unable to parse") || m.contains("Unexpected character")
        || m.contains("Unexpected end") || causedBy(e, com.fasterxml.jackson.core.JsonProcessingException.class)
        || e.getCause() != null && e.getCause().getClass().getName().contains("jackson")) {
      return new RetriableException("AWS returned a malformed response to " + action + " on " + resource
          + ": retry (a proxy or gateway may have answered instead of AWS)", e);
    }
    if (causedBy(e, IOException.class)) {
      return new RetriableException("I/O error calling " + action + " on " + resource + ": " + shorten(m) + "; retry", e);
    }
    return new NonRetriableException("The AWS SDK failed " + action + " on " + resource + ": " + shorten(m), e);
  }

  private static String accessHint(String action, String code) {
    if (action.startsWith("bedrock:")) {
      return "; also enable access to the model in the Bedrock console (Model access) for this region";
    }
    if (code.startsWith("KMS") || action.startsWith("secretsmanager:")) {
      return "; a secret encrypted with a customer-managed KMS key also needs kms:Decrypt on that key";
    }
    return "";
  }

  private static Optional<Duration> retryAfter(AwsServiceException e) {
    if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
      return Optional.empty();
    }
    return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(v -> {
      try {
        long seconds = Long.parseLong(v.trim());
        return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
      } catch (NumberFormatException ignored) {
        return Optional.empty();
      }
    });
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String detail(String awsMessage) {
    return awsMessage.isEmpty() ? "" : ". AWS says: " + awsMessage;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static String shorten(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return oneLine.length() <= MAX_AWS_MESSAGE ? oneLine : oneLine.substring(0, MAX_AWS_MESSAGE) + "…";
  }
}
