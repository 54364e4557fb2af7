/** Internals of detection: per-group window state. Not API. */
@NullMarked
package dev.sreagent.detect.internal;

import org.jspecify.annotations.NullMarked;
