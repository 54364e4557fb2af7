/**
 * Implementation of the remediation pipeline; not API, may change in any release.
 */
@NullMarked
package dev.sreagent.pipeline.internal;

import org.jspecify.annotations.NullMarked;
