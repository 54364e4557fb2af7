package dev.sreagent.spi;

/**
 * What every provider has: a stable, unique name and a factory method. Each capability has its own
 * sub-interface ({@link LogSourceProvider}, …) because {@link java.util.ServiceLoader} finds services by
 * interface.
 *
 * <p>Providers are instantiated by {@code ServiceLoader} through a public no-argument constructor that
 * must not do I/O or read configuration: that happens in {@link #create(ProviderContext)}. Implementations
 * must be thread safe.
 *
 * @param <T> the capability created
 */
public interface Provider<T> {

  /** Name of the provider shipped in core. */
  String LOCAL = "local";

  /**
   * @return the provider's name, unique per capability and stable across releases: {@code local},
   *     {@code gcp}, {@code aws}, {@code azure}, {@code github}
   */
  String name();

  /**
   * Creates the capability, reading and validating this provider's keys ({@code sre-agent.<name>.*}) at
   * once and reporting every bad key in one {@link dev.sreagent.ConfigurationException}.
   *
   * @param context configuration, secret store and clock
   * @return a new instance; the caller closes it
   */
  T create(ProviderContext context);
}
