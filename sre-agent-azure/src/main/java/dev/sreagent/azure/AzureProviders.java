package dev.sreagent.azure;

/**
 * The Azure providers of sre-agent (Log Analytics, Service Bus, Key Vault and Azure OpenAI), all registered under one provider name. This
 * module holds no provider yet: until it does, discovery keeps using the {@code local} providers or
 * another module, and naming {@code azure} in configuration is an error that says so.
 */
public final class AzureProviders {
  /** The name every provider of this module registers under ({@code sre-agent.log-source=azure}, …). */
  public static final String NAME = "azure";

  private AzureProviders() {}
}
