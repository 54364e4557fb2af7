/**
 * Grouping of log events by root cause: {@link dev.sreagent.grouping.LogNormalizer normalization}, {@link
 * dev.sreagent.grouping.StackTraceFingerprinter stack-trace fingerprints} (Java, Python, Go, Node.js), a
 * streaming {@link dev.sreagent.grouping.TemplateMiner template miner} for other messages, and the {@link
 * dev.sreagent.grouping.Grouper} that combines them with the user's ignore and override rules. Settings: {@link
 * dev.sreagent.grouping.GroupingConfig} ({@code sre-agent.grouping.*}). See docs/GROUPING.md.
 */
@NullMarked
package dev.sreagent.grouping;

import org.jspecify.annotations.NullMarked;
