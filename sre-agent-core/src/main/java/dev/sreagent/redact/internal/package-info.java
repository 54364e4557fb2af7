/**
 * Internals of the redactor: the rule catalog, the one-pass prefilter, validators and the matching
 * engine. Not API: these types may change in any release.
 */
@NullMarked
package dev.sreagent.redact.internal;

import org.jspecify.annotations.NullMarked;
