/**
 * Abstract JUnit contract tests that every provider implementation extends: {@code LogSourceContract},
 * {@code MessageBusContract}, {@code SecretStoreContract}, {@code ModelClientContract},
 * {@code CodeHostContract}. Extend one in your provider module's tests and implement its factory methods.
 */
@NullMarked
package dev.sreagent.testkit;

import org.jspecify.annotations.NullMarked;
