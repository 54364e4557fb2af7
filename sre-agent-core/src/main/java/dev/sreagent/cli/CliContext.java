package dev.sreagent.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Properties;

/**
 * What a command works with: standard streams, the process environment and system properties (given
 * explicitly so tests can run commands in-process).
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param environment environment variables
 * @param systemProperties system properties
 */
record CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Properties systemProperties) {
  static CliContext system() {
    return new CliContext(System.in, System.out, System.err, System.getenv(), System.getProperties());
  }
}
