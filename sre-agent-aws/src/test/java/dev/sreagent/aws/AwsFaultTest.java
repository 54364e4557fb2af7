package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sreagent.NonRetriableException;
import dev.sreagent.RetriableException;
import dev.sreagent.aws.fixtures.FakeCloudWatchLogs;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.LogCursor;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Faults through the module's one error mapper, with the real SDK against WireMock: throttling (retried with
 * backoff by the SDK, then retriable), 5xx, expired and invalid credentials, access denied, malformed responses,
 * dropped connections and timeouts. CloudWatch Logs and Secrets Manager share the JSON 1.1 protocol.
 */
class AwsFaultTest {
  static final String FILTER = "Logs_20140328.FilterLogEvents";
  static final FakeCloudWatchLogs FAKE = new FakeCloudWatchLogs();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort().extensions(FAKE))
          .resetOnEachTest(false).build();

  @BeforeEach
  void reset() {
    wm.resetAll();
    FAKE.reset();
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(5)
        .willReturn(aResponse().withTransformers(FakeCloudWatchLogs.NAME)));
    FAKE.put("/app/orders", "s", Instant.parse("2026-11-26T11:59:00Z"), "ERROR boom");
  }

  AwsCloudWatchLogSource source(int attempts) {
    return source(attempts, "10s"); // generous: the first SDK call in a JVM is slow on a loaded machine
  }

  AwsCloudWatchLogSource source(int attempts, String apiCallTimeout) {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.logs.endpoint", "http://127.0.0.1:" + wm.getPort());
    keys.put("sre-agent.aws.logs.log-groups", "/app/orders");
    keys.put("sre-agent.aws.retry.max-attempts", Integer.toString(attempts));
    keys.put("sre-agent.aws.api-call-timeout", apiCallTimeout);
    return AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(TestAws.config(keys)))
        .credentialsProvider(TestAws.credentials()).clock(new MutableClock(Instant.parse("2026-11-26T12:00:00Z"))).build();
  }

  static void fault(int status, String type, String message) {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")));
  }

  static int filterCalls() {
    return wm.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(FILTER))).size();
  }

  static RuntimeException pollFails(AwsCloudWatchLogSource s) {
    try {
      s.poll(LogCursor.START, 10, Duration.ZERO);
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("poll should have failed");
  }

  @Test
  void throttlingIsRetriedWithBackoffUntilItPasses() {
    String throttled = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("once"));
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).inScenario("t").whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(400).withBody(throttled)).willSetStateTo("passed"));
    try (AwsCloudWatchLogSource s = source(3)) {
      assertThat(s.poll(LogCursor.START, 10, Duration.ZERO).events()).hasSize(1);
    }
    assertThat(filterCalls()).isEqualTo(3);
  }

  @Test
  void throttlingThatPersistsIsRetriableAfterTheSdkAttempts() {
    fault(400, "ThrottlingException", "Rate exceeded");
    try (AwsCloudWatchLogSource s = source(2)) {
      RuntimeException e = pollFails(s);
      assertThat(e).isExactlyInstanceOf(RetriableException.class)
          .hasMessage("AWS throttled logs:FilterLogEvents on log group /app/orders (ThrottlingException, HTTP 400): retry later, "
              + "or ask for a higher quota if it persists")
          .hasCauseInstanceOf(AwsServiceException.class);
      assertThat(((RetriableException) e).retryAfter()).isEmpty();
    }
    assertThat(filterCalls()).isEqualTo(2);
  }

  @Test
  void aRetryAfterHeaderIsCarried() {
    // the SDK itself waits Retry-After between its attempts, so one attempt here keeps the test fast
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
    try (AwsCloudWatchLogSource s = source(1)) {
      RuntimeException e = pollFails(s);
      assertThat(e).isExactlyInstanceOf(RetriableException.class);
      assertThat(((RetriableException) e).retryAfter()).contains(Duration.ofSeconds(7));
    }
  }

  @Test
  void aServerErrorIsRetriable() {
    fault(503, "ServiceUnavailableException", "The service is unavailable");
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessage("AWS failed logs:FilterLogEvents on log group /app/orders (ServiceUnavailableException, HTTP 503): a transient "
              + "AWS error, retry. AWS says: The service is unavailable")
          .hasCauseInstanceOf(AwsServiceException.class);
    }
  }

  @Test
  void expiredCredentialsAreNotRetriableAndSayHowToRenew() {
    fault(400, "ExpiredTokenException", "The security token included in the request is expired");
    try (AwsCloudWatchLogSource s = source(3)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("The AWS credentials used for logs:FilterLogEvents have expired (ExpiredTokenException, HTTP 400): renew them "
              + "(aws sso login, a new role session, or check the credential process); sre-agent uses the SDK default credentials "
              + "chain and reads no keys from its own configuration")
          .hasCauseInstanceOf(AwsServiceException.class);
    }
    assertThat(filterCalls()).isEqualTo(1);
  }

  @Test
  void unknownCredentialsAreNotRetriable() {
    fault(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("AWS did not accept the credentials used for logs:FilterLogEvents (UnrecognizedClientException, HTTP 400): check "
              + "which identity the SDK default chain picks up (AWS_PROFILE, AWS_ACCESS_KEY_ID, the role)");
    }
  }

  @Test
  void accessDeniedNamesTheActionToGrant() {
    fault(400, "AccessDeniedException", "User is not authorized to perform: logs:FilterLogEvents");
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(NonRetriableException.class)
          .hasMessage("AWS denied logs:FilterLogEvents on log group /app/orders (AccessDeniedException, HTTP 400): grant "
              + "logs:FilterLogEvents on it to the agent's role (docs/providers/aws.md lists the minimal IAM policy). AWS says: "
              + "User is not authorized to perform: logs:FilterLogEvents");
    }
  }

  @Test
  void aMalformedResponseIsRetriable() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody("{\"events\": [ {\"eventId\": ")));
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessage("AWS returned a malformed response to logs:FilterLogEvents on log group /app/orders: retry (a proxy or gateway "
              + "may have answered instead of AWS)");
    }
  }

  @Test
  void anHtmlErrorPageFromAProxyIsRetriable() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessageStartingWith("AWS failed logs:FilterLogEvents on log group /app/orders (");
    }
  }

  @Test
  void aDroppedConnectionIsRetriable() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (AwsCloudWatchLogSource s = source(1)) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessageStartingWith("I/O error calling logs:FilterLogEvents on log group /app/orders: ");
    }
  }

  @Test
  void aSlowServiceTimesOutAsRetriable() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo(FILTER)).atPriority(1)
        .willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{\"events\":[]}")));
    try (AwsCloudWatchLogSource s = source(1, "1s")) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessage("logs:FilterLogEvents on log group /app/orders timed out: retry, and raise sre-agent.aws.api-call-timeout or "
              + "the service's read-timeout if it keeps happening");
    }
  }

  @Test
  void anUnreachableEndpointIsRetriable() {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.aws.logs.endpoint", "http://127.0.0.1:1");
    keys.put("sre-agent.aws.logs.log-groups", "/app/orders");
    try (AwsCloudWatchLogSource s = AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(TestAws.config(keys)))
        .credentialsProvider(TestAws.credentials()).build()) {
      assertThat(pollFails(s)).isExactlyInstanceOf(RetriableException.class)
          .hasMessageStartingWith("Could not reach AWS for logs:FilterLogEvents on log group /app/orders: ");
    }
  }

  @Test
  void noCredentialsInTheDefaultChainIsAConfigurationErrorThatListsTheWays() {
    for (String v : List.of("AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
      org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(v) == null, v + " is set in this environment");
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(Path.of(System.getProperty("user.home"), ".aws")),
        "~/.aws exists in this environment");
    Map<String, String> keys = Map.of("sre-agent.aws.logs.endpoint", "http://127.0.0.1:" + wm.getPort(),
        "sre-agent.aws.logs.log-groups", "/app/orders");
    // no credentialsProvider: the SDK default chain (instance metadata is disabled for tests in the pom)
    try (AwsCloudWatchLogSource s = AwsCloudWatchLogSource.builder().config(AwsCloudWatchLogsConfig.from(TestAws.config(keys))).build()) {
      assertThat(pollFails(s)).isExactlyInstanceOf(dev.sreagent.ConfigurationException.class)
          .hasMessage("No AWS credentials found for logs:FilterLogEvents: run with a role (EKS IRSA or Pod Identity, ECS task role, "
              + "EC2 instance profile) or set AWS_PROFILE or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables; "
              + "sre-agent reads no keys from its own configuration")
          .hasCauseInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
    }
    assertThat(filterCalls()).isZero();
  }

  @Test
  void productionModeRefusesLongTermKeysFromTheDefaultChain() {
    Map<String, String> keys = new HashMap<>();
    keys.put("sre-agent.mode", "production");
    keys.put("sre-agent.aws.logs.endpoint", "http://127.0.0.1:" + wm.getPort());
    keys.put("sre-agent.aws.logs.log-groups", "/app/orders");
    AwsCloudWatchLogsConfig config = AwsCloudWatchLogsConfig.from(TestAws.config(keys));
    // the first link of the SDK default chain: Java system properties, as an IAM user's keys would be
    System.setProperty("aws.accessKeyId", "test" + TestAws.random(8));
    System.setProperty("aws.secretAccessKey", TestAws.random(20));
    try {
      try (AwsCloudWatchLogSource s = AwsCloudWatchLogSource.builder().config(config).build()) {
        assertThat(pollFails(s)).isExactlyInstanceOf(dev.sreagent.ConfigurationException.class)
            .hasMessage("Long-term AWS access keys (an access key without a session token, from the environment, system properties "
                + "or a profile) are refused in production mode "
                + "(sre-agent.mode=production): run with a role (EKS IRSA or Pod Identity, ECS task role, EC2 instance profile) "
                + "or other temporary credentials that carry a session token");
      }
      assertThat(filterCalls()).isZero();
      System.setProperty("aws.sessionToken", TestAws.random(16)); // temporary credentials pass
      try (AwsCloudWatchLogSource s = AwsCloudWatchLogSource.builder().config(config)
          .clock(new MutableClock(Instant.parse("2026-11-26T12:00:00Z"))).build()) {
        assertThat(s.poll(LogCursor.START, 10, Duration.ZERO).events()).hasSize(1);
      }
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.sessionToken");
    }
  }

  @Test
  void secretsManagerExpiredCredentialsGoThroughTheSameMapper() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")).willReturn(aResponse().withStatus(400)
        .withBody("{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}")));
    Map<String, String> keys = Map.of("sre-agent.aws.secrets.endpoint", "http://127.0.0.1:" + wm.getPort());
    try (AwsSecretsManagerSecretStore s = AwsSecretsManagerSecretStore.builder()
        .config(AwsSecretsManagerConfig.from(TestAws.config(keys))).credentialsProvider(TestAws.credentials()).build()) {
      assertThatThrownBy(() -> s.get("x"))
          .isExactlyInstanceOf(NonRetriableException.class)
          .hasMessageStartingWith("The AWS credentials used for secretsmanager:GetSecretValue have expired (ExpiredTokenException, HTTP 400)");
    }
  }
}
