package dev.sreagent.spi;

import java.util.Locale;

/** Severity of a log event, mapped from each cloud's levels. Ordered from least to most severe. */
public enum Severity {
  /** Unknown or unmapped. */
  UNKNOWN,
  /** Tracing detail. */
  TRACE,
  /** Debug detail. */
  DEBUG,
  /** Normal operation. */
  INFO,
  /** Something unexpected that the service handled. */
  WARNING,
  /** A failed operation. */
  ERROR,
  /** The service or a critical function is down (critical, alert, emergency, fatal). */
  CRITICAL;

  /**
   * Maps the usual level words of log libraries and clouds ({@code WARN}, {@code ERR}, {@code FATAL},
   * {@code SEVERE}, {@code EMERGENCY}, syslog numbers 0–7…) to a severity.
   *
   * @param level a level word, any case
   * @return the severity, {@link #UNKNOWN} when not recognised
   */
  public static Severity parse(String level) {
    String l = level.trim().toUpperCase(Locale.ROOT);
    return switch (l) {
      case "TRACE", "FINEST", "FINER", "7+" -> TRACE;
      case "DEBUG", "FINE", "CONFIG", "7" -> DEBUG;
      case "INFO", "INFORMATION", "INFORMATIONAL", "NOTICE", "DEFAULT", "5", "6" -> INFO;
      case "WARN", "WARNING", "4" -> WARNING;
      case "ERROR", "ERR", "SEVERE", "FAILURE", "3" -> ERROR;
      case "CRITICAL", "CRIT", "FATAL", "ALERT", "EMERGENCY", "EMERG", "PANIC", "0", "1", "2" -> CRITICAL;
      default -> UNKNOWN;
    };
  }

  /** @return true for {@link #ERROR} and {@link #CRITICAL} */
  public boolean isError() {
    return compareTo(ERROR) >= 0;
  }
}
