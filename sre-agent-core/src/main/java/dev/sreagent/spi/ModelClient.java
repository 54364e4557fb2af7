package dev.sreagent.spi;

/**
 * Asks a language model for an answer.
 *
 * <p>Semantics: when the request carries a {@link ResponseSchema}, the returned text is a JSON document
 * (implementations check that it parses and throw {@link InvalidModelOutputException} otherwise, never
 * returning a default); validating it against the schema is the caller's job. Throttling, 5xx and timeouts
 * are {@link dev.sreagent.RetriableException}; a prompt too long for the model, a refused request or bad
 * credentials are {@link dev.sreagent.NonRetriableException}. Retries, budgets and circuit breaking are
 * applied by core around the client, not inside it.
 *
 * <p>Discovered through {@link ModelClientProvider} and selected by {@code sre-agent.model-client}.
 * Implementations must be thread safe.
 */
public interface ModelClient extends AutoCloseable {

  /**
   * @return the answer
   * @throws InvalidModelOutputException when structured output was requested and the answer is not JSON
   */
  ModelResponse generate(ModelRequest request);

  /** @return a short description for logs and audit: provider and model, never credentials */
  String describe();

  /** Releases connections. Idempotent. */
  @Override
  default void close() {}
}
