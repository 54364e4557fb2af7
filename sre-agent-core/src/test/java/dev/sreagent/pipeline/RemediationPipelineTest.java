package dev.sreagent.pipeline;

import static dev.sreagent.fakes.Incidents.ANALYSIS_OK;
import static dev.sreagent.fakes.Incidents.NPE_TRACE;
import static dev.sreagent.fakes.Incidents.ORDER_SERVICE_PATH;
import static dev.sreagent.fakes.Incidents.REMEDIATION_OK;
import static dev.sreagent.fakes.Incidents.TRIAGE_OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sreagent.audit.AuditEvent;
import dev.sreagent.audit.DeliveryEvent;
import dev.sreagent.audit.ModelCallEvent;
import dev.sreagent.audit.RedactionEvent;
import dev.sreagent.fakes.FakeCodeHost;
import dev.sreagent.fakes.Incidents;
import dev.sreagent.fakes.ScriptedModelClient;
import dev.sreagent.fakes.TestRedactor;
import dev.sreagent.incident.Incident;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ReportRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationPipelineTest {
  final FakeCodeHost host = Incidents.repository();
  final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());

  RemediationPipeline pipeline(ModelClient model) {
    return RemediationPipeline.builder().codeHost(host).modelClient(model).redactor(new TestRedactor())
        .auditListener(audit::add).build();
  }

  static Incident npe() {
    return Incidents.of("fp1:npe", "NullPointerException in OrderService.normalize",
        "order failed for alice@example.com\n" + NPE_TRACE);
  }

  @Test
  void opensOneDraftChangeWithTheFixRedactedEvidenceAndReviewNotice() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    PipelineResult r = pipeline(model).process(npe());

    assertThat(r.disposition()).isEqualTo(Disposition.CHANGE_OPENED);
    assertThat(r.modelCalls()).isEqualTo(3);
    assertThat(model.calls()).isEqualTo(3);
    ChangeRequest change = host.changes.get(r.key());
    assertThat(change.key().value()).isEqualTo(ChangeKeys.forFingerprint("fp1:npe").value()).startsWith("sre-agent-");
    assertThat(change.labels()).containsExactly("sre-agent");
    assertThat(change.files()).hasSize(1);
    assertThat(change.files().get(0).path()).isEqualTo(ORDER_SERVICE_PATH);
    assertThat(change.files().get(0).content()).contains("return name == null ? \"\" : name.trim();").doesNotContain("return name.trim();");
    assertThat(change.title()).isEqualTo("sre-agent: Treat a null customer name as empty");
    assertThat(change.body())
        .contains("Requires human review")
        .contains("OrderService.normalize calls trim() on a null name")
        .contains("fix 0.9")
        .contains("order failed for <email:1>")
        .doesNotContain("alice@example.com");
    assertThat(host.reports).isEmpty();
  }

  @Test
  void everyPromptFencesLogTextAndCarriesNoRawSecret() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    pipeline(model).process(npe());
    for (var req : model.requests) {
      String system = req.messages().get(0).content();
      String user = req.messages().get(1).content();
      String nonce = system.replaceAll("(?s).*<<<UNTRUSTED-DATA-([0-9a-f]{24}).*", "$1");
      assertThat(nonce).hasSize(24);
      assertThat(user).contains("<<<UNTRUSTED-DATA-" + nonce + " log samples").contains("UNTRUSTED-DATA-" + nonce + ">>>");
      String outsideFences = user.replaceAll("(?s)<<<UNTRUSTED-DATA-" + nonce + ".*?UNTRUSTED-DATA-" + nonce + ">>>", "");
      assertThat(outsideFences).doesNotContain("NullPointerException").doesNotContain("email");
      assertThat(user).doesNotContain("alice@example.com").contains("<email:1>");
    }
    assertThat(model.requests.get(0).responseSchema().orElseThrow().name()).isEqualTo("TriageAnswer");
    assertThat(model.requests.get(2).messages().get(1).content()).contains(Incidents.ORDER_SERVICE);
  }

  @Test
  void auditsEachModelCallTheDeliveryAndRedactionCountsWithoutContent() {
    pipeline(ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK)).process(npe());
    List<ModelCallEvent> calls = audit.stream().filter(e -> e instanceof ModelCallEvent).map(e -> (ModelCallEvent) e).toList();
    assertThat(calls).extracting(ModelCallEvent::stage).containsExactly("triage", "analysis", "remediation");
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.outcome()).isEqualTo(ModelCallEvent.Outcome.OK);
      assertThat(c.model()).isEqualTo("fake-model-1");
      assertThat(c.tokensIn()).isPositive();
    });
    DeliveryEvent d = audit.stream().filter(e -> e instanceof DeliveryEvent).map(e -> (DeliveryEvent) e).findFirst().orElseThrow();
    assertThat(d.kind()).isEqualTo(DeliveryEvent.Kind.CHANGE);
    assertThat(d.files()).isEqualTo(1);
    assertThat(d.changedLines()).isEqualTo(2);
    RedactionEvent red = audit.stream().filter(e -> e instanceof RedactionEvent).map(e -> (RedactionEvent) e).findFirst().orElseThrow();
    assertThat(red.counts()).containsEntry("email", 1L);
    assertThat(audit).allSatisfy(e -> assertThat(e.toLogLine()).doesNotContain("alice").doesNotContain("trim"));
  }

  @Test
  void anExistingChangeGetsTheNewEvidenceAndNoModelCall() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    pipeline(model).process(npe());
    ScriptedModelClient second = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    PipelineResult r = pipeline(second).process(npe()); // a new process: empty local cache
    assertThat(r.disposition()).isEqualTo(Disposition.EVIDENCE_ADDED);
    assertThat(second.calls()).isZero();
    assertThat(host.changes).hasSize(1);
    assertThat(host.openChangeCalls).hasValue(1);
    assertThat(host.comments).hasSize(1).allSatisfy(c -> assertThat(c).contains("saw this incident again").doesNotContain("alice@"));
  }

  @Test
  void withinTheCooldownTheSameProcessSkipsWithoutAnyCall() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    RemediationPipeline p = pipeline(model);
    p.process(npe());
    PipelineResult again = p.process(npe());
    assertThat(again.disposition()).isEqualTo(Disposition.SKIPPED_RECENT);
    assertThat(model.calls()).isEqualTo(3);
    assertThat(host.comments).isEmpty();
  }

  @Test
  void notActionableTriageBecomesAReportAfterOneCall() {
    ScriptedModelClient model = ScriptedModelClient.stages(
        "{\"actionable\":false,\"category\":\"DEPENDENCY_FAILURE\",\"summary\":\"database down\",\"confidence\":0.8}", ANALYSIS_OK,
        REMEDIATION_OK);
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.disposition()).isEqualTo(Disposition.REPORT_OPENED);
    assertThat(r.report()).contains(ReportReason.NOT_ACTIONABLE);
    assertThat(model.calls()).isEqualTo(1);
    ReportRequest report = host.reports.get(r.key());
    assertThat(report.title()).startsWith("sre-agent report (not actionable by a code change): ");
    assertThat(report.body()).contains("category DEPENDENCY_FAILURE").contains("database down");
    assertThat(report.labels()).containsExactly("sre-agent");
  }

  @Test
  void noFrameInTheRepositoryBecomesACodeNotFoundReport() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK, REMEDIATION_OK);
    Incident i = Incidents.of("fp1:other", "Timeout", "java.net.SocketTimeoutException\n\tat com.other.Client.call(Client.java:9)");
    PipelineResult r = pipeline(model).process(i);
    assertThat(r.report()).contains(ReportReason.CODE_NOT_FOUND);
    assertThat(r.reasons()).containsExactly("no repository file for frame com/other/Client.java:9");
    assertThat(model.calls()).isEqualTo(1);
  }

  @Test
  void lowAnalysisConfidenceStopsBeforeRemediation() {
    ScriptedModelClient model = ScriptedModelClient.stages(TRIAGE_OK, ANALYSIS_OK.replace("0.85", "0.4"), REMEDIATION_OK);
    PipelineResult r = pipeline(model).process(npe());
    assertThat(r.report()).contains(ReportReason.LOW_CONFIDENCE);
    assertThat(r.reasons()).containsExactly("the model's confidence 0.4 is below the floor 0.7 (sre-agent.policy.min-confidence) (analysis)");
    assertThat(model.callsFor("RemediationAnswer")).isZero();
    assertThat(host.changes).isEmpty();
  }
}
