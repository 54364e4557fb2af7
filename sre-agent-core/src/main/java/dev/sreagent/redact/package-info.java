/**
 * Redaction of secrets and PII before any text leaves the process.
 */
@NullMarked
package dev.sreagent.redact;

import org.jspecify.annotations.NullMarked;
