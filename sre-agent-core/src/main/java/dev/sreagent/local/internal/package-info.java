/** Implementation helpers of the local providers. Not API: may change in any release. */
@NullMarked
package dev.sreagent.local.internal;

import org.jspecify.annotations.NullMarked;
