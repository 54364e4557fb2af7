/**
 * Benchmarks of grouping: accuracy on Loghub-style folders ({@link
 * dev.sreagent.benchmarks.grouping.AccuracyBenchmark}), throughput ({@link
 * dev.sreagent.benchmarks.grouping.ThroughputBenchmark}) and a stack-trace storm with its memory ({@link
 * dev.sreagent.benchmarks.grouping.StormBenchmark}). Commands: docs/PERFORMANCE.md.
 */
@NullMarked
package dev.sreagent.benchmarks.grouping;

import org.jspecify.annotations.NullMarked;
