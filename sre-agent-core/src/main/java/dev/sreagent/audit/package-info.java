/**
 * Audit events: one structured event per model call, per delivered change, report or comment, and per
 * incident's redaction counts. Events carry identifiers, counts and outcomes — never log text, prompts,
 * answers or secrets. They are written to the slf4j logger {@code dev.sreagent.audit} and handed to every
 * registered {@link dev.sreagent.audit.AuditListener}.
 */
@NullMarked
package dev.sreagent.audit;

import org.jspecify.annotations.NullMarked;
