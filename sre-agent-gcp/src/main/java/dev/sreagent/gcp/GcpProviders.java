package dev.sreagent.gcp;

/**
 * The Google Cloud providers of sre-agent (Cloud Logging, Pub/Sub, Secret Manager and Vertex AI Gemini), all registered under one provider name. This
 * module holds no provider yet: until it does, discovery keeps using the {@code local} providers or
 * another module, and naming {@code gcp} in configuration is an error that says so.
 */
public final class GcpProviders {
  /** The name every provider of this module registers under ({@code sre-agent.log-source=gcp}, …). */
  public static final String NAME = "gcp";

  private GcpProviders() {}
}
