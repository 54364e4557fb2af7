/** Internals of grouping: masking, hashing and the per-language stack-trace parsers. Not API. */
@NullMarked
package dev.sreagent.grouping.internal;

import org.jspecify.annotations.NullMarked;
