/**
 * The agent runtime's pluggable parts: where the log cursor is checkpointed ({@link dev.sreagent.runtime.CursorStore}),
 * how events become incidents ({@link dev.sreagent.runtime.BatchDetector}), and the JSON form incidents take on
 * the message bus ({@link dev.sreagent.runtime.IncidentCodec}). The runtime itself is {@link dev.sreagent.SreAgent}.
 */
@NullMarked
package dev.sreagent.runtime;

import org.jspecify.annotations.NullMarked;
