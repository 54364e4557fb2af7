/**
 * JMH benchmarks of the redactor: throughput on clean lines, on lines with secrets and on real logs,
 * each against a baseline that runs every rule on every line, in the same run.
 */
@NullMarked
package dev.sreagent.benchmarks.redaction;

import org.jspecify.annotations.NullMarked;
