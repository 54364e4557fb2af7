/**
 * Finds providers with {@link java.util.ServiceLoader} and selects one per capability:
 * {@link dev.sreagent.discovery.ProviderDiscovery}.
 */
@NullMarked
package dev.sreagent.discovery;

import org.jspecify.annotations.NullMarked;
