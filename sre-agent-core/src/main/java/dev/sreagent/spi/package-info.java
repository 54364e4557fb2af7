/**
 * The five service-provider interfaces of sre-agent and the values they exchange.
 *
 * <p>Each capability is an interface plus a provider found with {@link java.util.ServiceLoader}:
 * {@link dev.sreagent.spi.LogSource}/{@link dev.sreagent.spi.LogSourceProvider},
 * {@link dev.sreagent.spi.MessageBus}/{@link dev.sreagent.spi.MessageBusProvider},
 * {@link dev.sreagent.spi.SecretStore}/{@link dev.sreagent.spi.SecretStoreProvider},
 * {@link dev.sreagent.spi.ModelClient}/{@link dev.sreagent.spi.ModelClientProvider},
 * {@link dev.sreagent.spi.CodeHost}/{@link dev.sreagent.spi.CodeHostProvider}. A provider module lists its
 * providers in {@code META-INF/services/dev.sreagent.spi.<Capability>Provider}.
 *
 * <p>Selection, for each capability ({@link dev.sreagent.discovery.ProviderDiscovery}): an instance given
 * to the agent's builder → the provider named by the capability's key ({@code sre-agent.log-source},
 * {@code sre-agent.message-bus}, {@code sre-agent.secret-store}, {@code sre-agent.model-client},
 * {@code sre-agent.code-host}) → the only non-local provider on the classpath → the {@code local} provider
 * in core.
 *
 * <p>Implementations must be thread safe, must translate their vendor's errors into
 * {@link dev.sreagent.ConfigurationException}, {@link dev.sreagent.RetriableException} and
 * {@link dev.sreagent.NonRetriableException} keeping the vendor exception as the cause, and must never let a
 * vendor type appear in these interfaces.
 */
@NullMarked
package dev.sreagent.spi;

import org.jspecify.annotations.NullMarked;
