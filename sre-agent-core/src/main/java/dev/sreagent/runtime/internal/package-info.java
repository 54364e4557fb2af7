/**
 * The agent runtime's loops; not API, may change in any release.
 */
@NullMarked
package dev.sreagent.runtime.internal;

import org.jspecify.annotations.NullMarked;
