/**
 * sre-agent: an embeddable SRE agent. Reads error logs, groups them into incidents, asks a model for
 * the root cause and a fix, and opens a draft pull request for a human to review.
 *
 * <p>This package holds the agent runtime ({@link dev.sreagent.SreAgent}) and the exception hierarchy. The
 * SPIs are in {@link dev.sreagent.spi}, configuration in {@link dev.sreagent.config}, provider selection in
 * {@link dev.sreagent.discovery}, the remediation pipeline in {@link dev.sreagent.pipeline}, audit events in
 * {@link dev.sreagent.audit}.
 */
@NullMarked
package dev.sreagent;

import org.jspecify.annotations.NullMarked;
