package dev.sreagent.spi;

/**
 * Creates a {@link CodeHost}. Discovered with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.sreagent.spi.CodeHostProvider}; selected by the key {@code sre-agent.code-host}
 * (environment variable {@code SRE_AGENT_CODE_HOST}), else the only non-local provider on
 * the classpath, else the {@code local} provider in core. A provider reads only its own keys,
 * {@code sre-agent.<name>.*}. Implementations must be thread safe and have a public no-argument
 * constructor that does no I/O.
 */
public interface CodeHostProvider extends Provider<CodeHost> {
  /** The configuration key that names the provider to use. */
  String SELECTOR_KEY = "sre-agent.code-host";
}
