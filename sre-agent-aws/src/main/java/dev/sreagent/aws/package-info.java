/**
 * sre-agent providers for this cloud (provider name {@code aws}). See docs/providers/aws.md.
 */
@NullMarked
package dev.sreagent.aws;

import org.jspecify.annotations.NullMarked;
