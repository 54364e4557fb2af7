/**
 * sre-agent: an embeddable SRE agent. Reads error logs, groups them into incidents, asks a model for
 * the root cause and a fix, and opens a draft pull request for a human to review.
 *
 * <p>This package holds the exception hierarchy. The SPIs are in {@link dev.sreagent.spi}, configuration
 * in {@link dev.sreagent.config}, provider selection in {@link dev.sreagent.discovery}.
 */
@NullMarked
package dev.sreagent;

import org.jspecify.annotations.NullMarked;
