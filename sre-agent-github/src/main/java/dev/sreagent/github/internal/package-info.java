/**
 * Implementation of the GitHub code host: authentication (GitHub App and personal access tokens), the
 * permission check at start, rate-limit handling, error mapping, and the change and report flows. Not API:
 * may change in any release.
 */
@NullMarked
package dev.sreagent.github.internal;

import org.jspecify.annotations.NullMarked;
