package dev.sreagent.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sreagent.aws.fixtures.FakeCloudWatchLogs;
import dev.sreagent.aws.fixtures.TestAws;
import dev.sreagent.spi.LogSource;
import dev.sreagent.testkit.LogSourceContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's LogSource contract for AwsCloudWatchLogSource, against the CloudWatch Logs fake. */
class AwsCloudWatchLogSourceContractTest extends LogSourceContract {
  static final String GROUP = "/contract/app";
  static final FakeCloudWatchLogs FAKE = new FakeCloudWatchLogs();
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(options().bindAddress("127.0.0.1").dynamicPort().extensions(FAKE))
          .resetOnEachTest(false).build();

  @BeforeAll
  static void stubTheService() {
    wm.stubFor(post("/").withHeader("X-Amz-Target", matching("Logs_20140328\\..*"))
        .willReturn(aResponse().withTransformers(FakeCloudWatchLogs.NAME)));
    FAKE.createGroup(GROUP);
    FAKE.pageSize(3); // the contract's reads also cross pages
  }

  @Override
  protected LogSource createSource() {
    return AwsCloudWatchLogSource.builder()
        .config(AwsCloudWatchLogsConfig.from(TestAws.config(Map.of(
            "sre-agent.aws.logs.endpoint", "http://127.0.0.1:" + wm.getPort(), "sre-agent.aws.logs.log-groups", GROUP))))
        .credentialsProvider(TestAws.credentials()).build();
  }

  @Override
  protected void append(List<String> messages) {
    for (String m : messages) {
      FAKE.put(GROUP, "i-1", Instant.now(), "2026-11-26 12:00:00 ERROR [worker] c.e.Orders - " + m);
    }
  }
}
