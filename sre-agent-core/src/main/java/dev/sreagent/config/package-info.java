/**
 * Configuration: one read-only {@link dev.sreagent.config.ConfigProperties} built from layered sources,
 * typed getters with exact error messages, and {@link dev.sreagent.config.ConfigReader} for validating
 * all of a provider's keys in one go.
 */
@NullMarked
package dev.sreagent.config;

import org.jspecify.annotations.NullMarked;
