/**
 * sre-agent providers for this cloud (provider name {@code github}). See docs/providers/github.md.
 */
@NullMarked
package dev.sreagent.github;

import org.jspecify.annotations.NullMarked;
