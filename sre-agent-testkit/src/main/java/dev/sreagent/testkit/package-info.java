/**
 * Abstract JUnit 5 contract tests that every provider implementation extends: {@link dev.sreagent.testkit.LogSourceContract},
 * {@link dev.sreagent.testkit.MessageBusContract}, {@link dev.sreagent.testkit.SecretStoreContract},
 * {@link dev.sreagent.testkit.ModelClientContract}, {@link dev.sreagent.testkit.CodeHostContract}. Extend one in your
 * provider module's tests, implement its {@code protected abstract} factory methods against a local fixture that
 * speaks your service's real protocol, and turn on the optional checks ({@code supports…()}) your provider
 * supports. {@link dev.sreagent.testkit.MutableClock} lets time-based checks run without sleeping;
 * {@link dev.sreagent.testkit.CannedAnswer} is what a model fixture serves.
 */
@NullMarked
package dev.sreagent.testkit;

import org.jspecify.annotations.NullMarked;
