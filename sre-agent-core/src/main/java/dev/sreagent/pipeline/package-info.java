/**
 * The remediation pipeline: triage → locate code → analysis → remediation → policy → deliver, wired only
 * through the SPIs in {@link dev.sreagent.spi}. Entry point: {@link dev.sreagent.pipeline.RemediationPipeline}.
 * The model answers' records ({@link dev.sreagent.pipeline.TriageAnswer},
 * {@link dev.sreagent.pipeline.AnalysisAnswer}, {@link dev.sreagent.pipeline.RemediationAnswer}) are the
 * source of the JSON Schemas sent to the model. See docs/PIPELINE.md.
 */
@NullMarked
package dev.sreagent.pipeline;

import org.jspecify.annotations.NullMarked;
