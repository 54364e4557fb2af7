/**
 * Incidents: what detection hands to the remediation pipeline, one per root cause.
 */
@NullMarked
package dev.sreagent.incident;

import org.jspecify.annotations.NullMarked;
