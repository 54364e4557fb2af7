/**
 * Detection: turns grouped events into {@link dev.sreagent.incident.Incident}s with windowed counts, triggers
 * (new group, error rate, critical burst), a minimum count, a cooldown and ignore rules. See {@link
 * dev.sreagent.detect.IncidentDetector} and docs/GROUPING.md.
 */
@NullMarked
package dev.sreagent.detect;

import org.jspecify.annotations.NullMarked;
