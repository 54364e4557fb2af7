/**
 * sre-agent providers for this cloud (provider name {@code gcp}). See docs/providers/gcp.md.
 */
@NullMarked
package dev.sreagent.gcp;

import org.jspecify.annotations.NullMarked;
