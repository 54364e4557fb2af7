package dev.sreagent.spi;

/**
 * Creates a {@link ModelClient}. Discovered with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.sreagent.spi.ModelClientProvider}; selected by the key {@code sre-agent.model-client}
 * (environment variable {@code SRE_AGENT_MODEL_CLIENT}), else the only non-local provider on
 * the classpath, else the {@code local} provider in core. A provider reads only its own keys,
 * {@code sre-agent.<name>.*}. Implementations must be thread safe and have a public no-argument
 * constructor that does no I/O.
 */
public interface ModelClientProvider extends Provider<ModelClient> {
  /** The configuration key that names the provider to use. */
  String SELECTOR_KEY = "sre-agent.model-client";
}
