package dev.sreagent.testkit.local;

import dev.sreagent.local.LocalFileLogSource;
import dev.sreagent.local.LogFormat;
import dev.sreagent.spi.LogSource;
import dev.sreagent.testkit.LogSourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The text format, with stack traces under every event, passes the same contract (linger 0: no quiet wait). */
class LocalTextLogSourceContractTest extends LogSourceContract {
  @TempDir Path dir;

  @Override
  protected LogSource createSource() {
    return LocalFileLogSource.builder(dir.resolve("app.log")).format(LogFormat.TEXT).linger(Duration.ZERO).build();
  }

  @Override
  protected void append(List<String> messages) {
    StringBuilder sb = new StringBuilder();
    for (String m : messages) {
      sb.append(m).append(" ERROR\njava.lang.IllegalStateException: boom\n\tat shop.OrderService.total(OrderService.java:4)\n");
    }
    try {
      Files.writeString(dir.resolve("app.log"), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
