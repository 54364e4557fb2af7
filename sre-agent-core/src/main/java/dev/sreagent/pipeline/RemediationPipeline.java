package dev.sreagent.pipeline;

import dev.sreagent.audit.AuditListener;
import dev.sreagent.audit.Auditor;
import dev.sreagent.audit.DeliveryEvent;
import dev.sreagent.audit.RedactionEvent;
import dev.sreagent.config.ConfigProperties;
import dev.sreagent.incident.Incident;
import dev.sreagent.pipeline.internal.CodeLocator;
import dev.sreagent.pipeline.internal.DataFence;
import dev.sreagent.pipeline.internal.EditApplier;
import dev.sreagent.pipeline.internal.Evidence;
import dev.sreagent.pipeline.internal.HourlyTokenBudget;
import dev.sreagent.pipeline.internal.IncidentRun;
import dev.sreagent.pipeline.internal.InjectionDetector;
import dev.sreagent.pipeline.internal.LocatedFile;
import dev.sreagent.pipeline.internal.Markdown;
import dev.sreagent.pipeline.internal.PatchPolicy;
import dev.sreagent.pipeline.internal.Prompts;
import dev.sreagent.pipeline.internal.RecentDeliveries;
import dev.sreagent.pipeline.internal.StackFrame;
import dev.sreagent.pipeline.internal.StackFrameParser;
import dev.sreagent.pipeline.internal.StageFailure;
import dev.sreagent.pipeline.internal.StructuredCaller;
import dev.sreagent.redact.Redactor;
import dev.sreagent.spi.ChangeKey;
import dev.sreagent.spi.ChangeRef;
import dev.sreagent.spi.ChangeRequest;
import dev.sreagent.spi.CodeHost;
import dev.sreagent.spi.FileChange;
import dev.sreagent.spi.LogEvent;
import dev.sreagent.spi.ModelClient;
import dev.sreagent.spi.ReportRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link Incident} into exactly one draft change or one report on the {@link CodeHost}, idempotent
 * by the {@link ChangeKey} derived from the fingerprint.
 *
 * <p>Stages: dedupe (local cooldown cache, then {@link CodeHost#find}: an existing change or report gets the
 * new evidence as a comment, with no model call) → injection screen (suspicious text: report, no model call)
 * → triage (model) → locate code (stack frames → repository files through the code host) → analysis (model)
 * → remediation (model, search/replace edits) → apply and policy → deliver. Every text sent to the model,
 * the code host or the log passes the incident's {@link dev.sreagent.redact.RedactionSession} first.
 *
 * <p>{@link #process} throws only {@link dev.sreagent.RetriableException} (model or code host unavailable,
 * hourly budget used up: retry the incident later) or, for a broken code host, another
 * {@link dev.sreagent.SreAgentException}; every other outcome is delivered and returned. Thread safe; one
 * fingerprint is processed by one thread at a time.
 */
public final class RemediationPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(RemediationPipeline.class);
  /** The label on every change and report. */
  public static final String LABEL = "sre-agent";

  private final CodeHost codeHost;
  private final Redactor redactor;
  private final PipelineSettings settings;
  private final PatchPolicy policy;
  private final double minConfidence;
  private final Auditor auditor;
  private final Clock clock;
  private final StructuredCaller caller;
  private final RecentDeliveries recent;
  private final InjectionDetector detector = new InjectionDetector();
  private final StackFrameParser frames = new StackFrameParser();

  private RemediationPipeline(Builder b, ModelClient model) {
    this.codeHost = Objects.requireNonNull(b.codeHost, "codeHost");
    this.redactor = Objects.requireNonNull(b.redactor, "redactor");
    this.settings = b.settings;
    this.policy = new PatchPolicy(b.policy);
    this.minConfidence = b.policy.minConfidence();
    this.auditor = Auditor.create(b.listeners);
    this.clock = b.clock;
    this.caller = new StructuredCaller(model, new HourlyTokenBudget(settings.hourlyTokenBudget(), clock), auditor, clock,
        settings.maxOutputTokens(), settings.temperature(), settings.modelTimeout());
    this.recent = new RecentDeliveries(clock, settings.cooldown(), 100_000);
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Processes one incident to a delivered change, report or comment.
   *
   * @return what was done
   * @throws dev.sreagent.RetriableException when it should be retried later (nothing was delivered)
   */
  public PipelineResult process(Incident incident) {
    ChangeKey key = ChangeKeys.forFingerprint(incident.fingerprint());
    ReentrantLock lock = recent.lockFor(key);
    lock.lock();
    try {
      return processLocked(incident, key);
    } finally {
      lock.unlock();
    }
  }

  private PipelineResult processLocked(Incident incident, ChangeKey key) {
    IncidentRun run = new IncidentRun(incident.fingerprint(), redactor.newSession(), settings.incidentTokenBudget(),
        settings.maxModelCalls());
    try {
      if (recent.isRecent(key)) {
        LOG.debug("Skipping incident {}: delivered for key {} within the cooldown", incident.fingerprint(), key);
        return new PipelineResult(key, Disposition.SKIPPED_RECENT, Optional.empty(), null, List.of(), 0, run.used());
      }
      String evidence = Evidence.of(incident, run, settings.maxEvidenceChars());
      Optional<ChangeRef> existing = codeHost.find(key);
      if (existing.isPresent()) {
        codeHost.comment(existing.get(), Markdown.evidenceComment(incident, evidence, run));
        recent.record(key);
        audit(incident, key, DeliveryEvent.Kind.COMMENT, existing.get(), 0, 0, "");
        return new PipelineResult(key, Disposition.EVIDENCE_ADDED, existing, null, List.of(), 0, run.used());
      }
      return remediate(incident, key, run, evidence);
    } finally {
      auditor.record(new RedactionEvent(clock.instant(), incident.fingerprint(), run.session().counts()));
    }
  }

  private PipelineResult remediate(Incident incident, ChangeKey key, IncidentRun run, String evidence) {
    List<String> suspicious = screen(incident);
    if (!suspicious.isEmpty()) {
      return report(incident, key, run, evidence, new StageFailure(ReportReason.SUSPICIOUS, suspicious), null, null);
    }
    TriageAnswer triage = null;
    AnalysisAnswer analysis = null;
    try {
      DataFence fence = DataFence.random();
      String facts = Evidence.facts(incident, run);
      triage = caller.ask(run, "triage", TriageAnswer.class, Prompts.system("triage", fence), Prompts.triage(fence, facts, evidence));
      if (!triage.actionable()) {
        throw new StageFailure(ReportReason.NOT_ACTIONABLE, List.of("triage: not fixable by a code change in this repository (category "
            + triage.category() + ")"));
      }
      CodeLocator.Located located = locate(incident, run);
      if (located.files().isEmpty()) {
        throw new StageFailure(ReportReason.CODE_NOT_FOUND, located.notes());
      }
      fence = DataFence.random();
      analysis = caller.ask(run, "analysis", AnalysisAnswer.class, Prompts.system("analysis", fence),
          Prompts.analysis(fence, facts, evidence, triage, located.files()));
      if (!analysis.fixableInCode() || analysis.suspectFiles().isEmpty()) {
        throw new StageFailure(ReportReason.NOT_ACTIONABLE, List.of("analysis: the root cause is not fixable by editing the files shown"));
      }
      if (analysis.confidence() < minConfidence) {
        throw new StageFailure(ReportReason.LOW_CONFIDENCE, List.of(policy.confidenceViolation(analysis.confidence()) + " (analysis)"));
      }
      fence = DataFence.random();
      RemediationAnswer fix = caller.ask(run, "remediation", RemediationAnswer.class, Prompts.system("remediation", fence),
          Prompts.remediation(fence, facts, evidence, analysis, located.files()));
      return deliverChange(incident, key, run, evidence, triage, analysis, fix, located.files());
    } catch (StageFailure f) {
      return report(incident, key, run, evidence, f, triage, analysis);
    }
  }

  private List<String> screen(Incident incident) {
    List<String> out = new ArrayList<>();
    List<InjectionDetector.Finding> findings = new ArrayList<>(detector.scan("incident title", incident.title()));
    int i = 0;
    for (LogEvent e : incident.samples()) {
      i++;
      findings.addAll(detector.scan("sample " + i, e.message()));
      for (Map.Entry<String, String> a : e.attributes().entrySet()) {
        findings.addAll(detector.scan("sample " + i + " attribute " + a.getKey(), a.getValue()));
      }
    }
    for (InjectionDetector.Finding f : findings) {
      out.add("rule " + f.rule() + " matched in " + f.where());
    }
    return out;
  }

  private CodeLocator.Located locate(Incident incident, IncidentRun run) {
    List<StackFrame> found = new ArrayList<>();
    for (LogEvent e : incident.samples()) {
      for (StackFrame f : frames.parse(e.message())) {
        if (!found.contains(f)) {
          found.add(f);
        }
      }
    }
    return new CodeLocator(codeHost, settings.maxFilesShown(), settings.maxFileChars()).locate(found, run.session());
  }

  private PipelineResult deliverChange(Incident incident, ChangeKey key, IncidentRun run, String evidence, TriageAnswer triage,
      AnalysisAnswer analysis, RemediationAnswer fix, List<LocatedFile> files) {
    Map<String, LocatedFile> shown = new LinkedHashMap<>();
    files.forEach(f -> shown.put(f.path(), f));
    EditApplier.Applied applied = EditApplier.apply(fix.edits(), shown);
    List<String> violations = policy.check(fix, applied.files().size(), applied.changedLines());
    if (!applied.problems().isEmpty() || !violations.isEmpty()) {
      List<String> all = new ArrayList<>(violations);
      all.addAll(applied.problems());
      ReportReason reason = !violations.isEmpty() && violations.stream().allMatch(v -> v.startsWith("the model's confidence"))
          && applied.problems().isEmpty()
          ? ReportReason.LOW_CONFIDENCE
          : violations.isEmpty() ? ReportReason.EDIT_NOT_APPLIED : ReportReason.POLICY_REFUSED;
      throw new StageFailure(reason, all);
    }
    List<String> paths = applied.files().stream().map(FileChange::path).toList();
    String modelId = run.lastModel();
    ChangeRequest request = new ChangeRequest(key, Markdown.changeTitle(fix, run),
        Markdown.changeBody(incident, key, triage, analysis, fix, paths, applied.changedLines(), modelId, evidence, run),
        applied.files(), List.of(LABEL));
    ChangeRef ref = codeHost.openChange(request);
    if (!ref.created()) {
      codeHost.comment(ref, Markdown.evidenceComment(incident, evidence, run));
    }
    recent.record(key);
    audit(incident, key, DeliveryEvent.Kind.CHANGE, ref, applied.files().size(), applied.changedLines(), "");
    LOG.info("Opened draft change {} for incident {} ({} files, {} changed lines)", ref.url(), incident.fingerprint(),
        applied.files().size(), applied.changedLines());
    return new PipelineResult(key, Disposition.CHANGE_OPENED, Optional.of(ref), null, List.of(), run.calls(), run.used());
  }

  private PipelineResult report(Incident incident, ChangeKey key, IncidentRun run, String evidence, StageFailure failure,
      @Nullable TriageAnswer triage, @Nullable AnalysisAnswer analysis) {
    List<String> details = failure.details().stream().map(run::redact).toList();
    ReportRequest request = new ReportRequest(key, Markdown.reportTitle(incident, failure.reason(), run),
        Markdown.reportBody(incident, key, failure.reason(), details, triage, analysis, evidence, run), List.of(LABEL));
    ChangeRef ref = codeHost.openReport(request);
    if (!ref.created()) {
      codeHost.comment(ref, Markdown.evidenceComment(incident, evidence, run));
    }
    recent.record(key);
    audit(incident, key, DeliveryEvent.Kind.REPORT, ref, 0, 0, failure.reason().name());
    LOG.info("Opened report {} for incident {}: {}", ref.url(), incident.fingerprint(), failure.reason());
    return new PipelineResult(key, Disposition.REPORT_OPENED, Optional.of(ref), failure.reason(), details, run.calls(), run.used());
  }

  private void audit(Incident incident, ChangeKey key, DeliveryEvent.Kind kind, ChangeRef ref, int files, int lines, String reason) {
    auditor.record(new DeliveryEvent(clock.instant(), incident.fingerprint(), key.value(), kind, ref.url(), ref.created(), files, lines,
        reason));
  }

  /** Builds a {@link RemediationPipeline}; not thread safe. */
  public static final class Builder {
    private @Nullable CodeHost codeHost;
    private @Nullable ModelClient model;
    private @Nullable Redactor redactor;
    private PipelineSettings settings = PipelineSettings.defaults();
    private PolicySettings policy = PolicySettings.defaults();
    private final List<AuditListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The repository (required). */
    public Builder codeHost(CodeHost codeHost) {
      this.codeHost = Objects.requireNonNull(codeHost, "codeHost");
      return this;
    }

    /** The model, usually a {@link ModelRouter} (required). */
    public Builder modelClient(ModelClient model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The redactor every text passes (required). */
    public Builder redactor(Redactor redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /** Budgets and limits (default {@link PipelineSettings#defaults()}). */
    public Builder settings(PipelineSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The patch policy (default {@link PolicySettings#defaults()}). */
    public Builder policy(PolicySettings policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Reads {@code sre-agent.pipeline.*} and {@code sre-agent.policy.*}, reporting every bad key in one error. */
    public Builder config(ConfigProperties config) {
      this.settings = PipelineSettings.from(config);
      this.policy = PolicySettings.from(config);
      return this;
    }

    /** Adds an audit listener (events are also logged on {@code dev.sreagent.audit}). */
    public Builder auditListener(AuditListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Time source (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return the pipeline
     * @throws IllegalStateException naming the missing part
     */
    public RemediationPipeline build() {
      if (codeHost == null || model == null || redactor == null) {
        throw new IllegalStateException("RemediationPipeline needs a codeHost, a modelClient and a redactor; missing: "
            + (codeHost == null ? "codeHost " : "") + (model == null ? "modelClient " : "") + (redactor == null ? "redactor" : ""));
      }
      return new RemediationPipeline(this, model);
    }
  }
}
