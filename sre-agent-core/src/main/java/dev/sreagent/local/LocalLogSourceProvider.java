package dev.sreagent.local;

import dev.sreagent.config.ConfigReader;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.LogSourceProvider;
import dev.sreagent.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code local} {@link LogSourceProvider}: a {@link LocalFileLogSource}. Keys: {@value #LOG_FILE}
 * (required), {@value #LOG_FORMAT} ({@code auto|json|text}, default auto), {@value #MAX_LINE_BYTES}
 * (default 65536), {@value #LINGER} (default 2s), {@value #SERVICE} (default: the file name up to its first dot).
 */
public final class LocalLogSourceProvider implements LogSourceProvider {
  /** The file to tail. */
  public static final String LOG_FILE = "sre-agent.local.log-file";
  /** {@code auto}, {@code json} or {@code text}. */
  public static final String LOG_FORMAT = "sre-agent.local.log-format";
  /** Bytes kept of one line. */
  public static final String MAX_LINE_BYTES = "sre-agent.local.log-max-line-bytes";
  /** How long the file must be quiet before its last text event is handed out. */
  public static final String LINGER = "sre-agent.local.log-linger";
  /** The service of events that do not name one. */
  public static final String SERVICE = "sre-agent.local.log-service";

  /** For {@link java.util.ServiceLoader}. */
  public LocalLogSourceProvider() {}

  @Override
  public String name() {
    return LOCAL;
  }

  @Override
  public LogSource create(ProviderContext context) {
    ConfigReader r = ConfigReader.of(context.config(), "sre-agent.local log source");
    String file = r.required(LOG_FILE, "the path of the log file to tail");
    String format = r.oneOf(LOG_FORMAT, "auto", List.of("auto", "json", "text"));
    int maxLine = r.integer(MAX_LINE_BYTES, 64 * 1024, 256, 1 << 20);
    Duration linger = r.duration(LINGER, Duration.ofSeconds(2));
    Optional<String> service = r.optional(SERVICE);
    r.validate();
    LocalFileLogSource.Builder b = LocalFileLogSource.builder(Path.of(file))
        .format(LogFormat.valueOf(format.toUpperCase(Locale.ROOT)))
        .maxLineBytes(maxLine)
        .linger(linger)
        .clock(context.clock());
    service.ifPresent(b::service);
    return b.build();
  }
}
