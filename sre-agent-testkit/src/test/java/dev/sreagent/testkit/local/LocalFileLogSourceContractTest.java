package dev.sreagent.testkit.local;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class LocalFileLogSourceContractTest extends LogSourceContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Override
  protected LogSource createSource() {
    return LocalFileLogSource.builder(dir.resolve("app.log")).format(LogFormat.JSON).build();
  }

  @Override
  protected boolean supportsRawAppend() {
    return true;
  }

  @Override
  protected void appendRaw(byte[] bytes) {
    try {
      Files.write(dir.resolve("app.log"), bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected void append(List<String> messages) {
    StringBuilder sb = new StringBuilder();
    for (String m : messages) {
      try {
        sb.append(JSON.writeValueAsString(Map.of("timestamp", Instant.now().toString(), "level", "ERROR", "message", m,
            "service", "shop"))).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      Files.writeString(dir.resolve("app.log"), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
