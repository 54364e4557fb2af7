/**
 * sre-agent providers for this cloud (provider name {@code azure}). See docs/providers/azure.md.
 */
@NullMarked
package dev.sreagent.azure;

import org.jspecify.annotations.NullMarked;
