package dev.sreagent.discovery;

import dev.sreagent.spi.LogBatch;
import dev.sreagent.spi.LogCursor;
import dev.sreagent.spi.LogSource;
import dev.sreagent.spi.LogSourceProvider;
import dev.sreagent.spi.ProviderContext;
import java.time.Duration;
import java.util.List;

/** LogSource providers for crafted classpaths. Each creates a source that returns nothing. */
final class TestProviders {
  private TestProviders() {}

  abstract static class Named implements LogSourceProvider {
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public LogSource create(ProviderContext context) {
      return new LogSource() {
        @Override
        public LogBatch poll(LogCursor cursor, int maxEvents, Duration maxWait) {
          return new LogBatch(List.of(), cursor);
        }

        @Override
        public void close() {}
      };
    }
  }

  public static final class Local extends Named {
    public Local() {
      super("local");
    }
  }

  public static final class Aws extends Named {
    public Aws() {
      super("aws");
    }
  }

  public static final class Gcp extends Named {
    public Gcp() {
      super("gcp");
    }
  }

  public static final class AnotherAws extends Named {
    public AnotherAws() {
      super("aws");
    }
  }

  /** Its constructor throws, as a provider whose static setup fails would. */
  public static final class Broken extends Named {
    public Broken() {
      super("azure");
      throw new IllegalStateException("no credentials in constructor");
    }
  }
}
