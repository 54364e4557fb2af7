package dev.sreagent.github;

import dev.sreagent.config.ConfigProperties;
import dev.sreagent.github.fake.FakeGitHub;
import dev.sreagent.github.fake.MapSecretStore;
import dev.sreagent.testkit.MutableClock;
import dev.sreagent.github.fake.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fake GitHub, a secret store and a clock, wired to build code hosts against them. */
final class Fixture implements AutoCloseable {
  static final Map<String, String> ALL_WRITE = Map.of("contents", "write", "pull_requests", "write", "issues", "write",
      "metadata", "read");
  static final String TOKEN_SECRET = "github-token";
  static final String KEY_SECRET = "github-app-key";
  static final long APP_ID = 123456;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  final FakeGitHub github;
  final MapSecretStore secrets = new MapSecretStore();
  final Map<String, String> config = new LinkedHashMap<>();
  String token = "";
  KeyPair appKey;

  private Fixture() {
    try {
      github = FakeGitHub.start(clock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put(GitHubConfig.REPOSITORY, FakeGitHub.OWNER + "/" + FakeGitHub.REPO);
    config.put(GitHubConfig.BASE_URL, github.baseUrl());
  }

  /** A fine-grained token with the given permissions. */
  static Fixture fineGrained(Map<String, String> permissions) {
    Fixture f = new Fixture();
    f.token = TestCredentials.fineGrainedToken();
    f.github.addFineGrainedToken(f.token, permissions);
    f.secrets.put(TOKEN_SECRET, f.token);
    f.config.put(GitHubConfig.TOKEN_SECRET, TOKEN_SECRET);
    return f;
  }

  /** A fine-grained token with every permission the agent needs. */
  static Fixture fineGrained() {
    return fineGrained(ALL_WRITE);
  }

  /** A classic token with the given scopes. */
  static Fixture classic(String... scopes) {
    Fixture f = new Fixture();
    f.token = TestCredentials.classicToken();
    f.github.addClassicToken(f.token, scopes);
    f.secrets.put(TOKEN_SECRET, f.token);
    f.config.put(GitHubConfig.TOKEN_SECRET, TOKEN_SECRET);
    return f;
  }

  /** A GitHub App installed with the given permissions; its key stored as {@code pem} (PKCS#1 when true). */
  static Fixture app(Map<String, String> permissions, boolean pkcs1) {
    Fixture f = new Fixture();
    f.appKey = TestCredentials.appKeyPair();
    f.github.registerApp(APP_ID, (RSAPublicKey) f.appKey.getPublic(), permissions);
    f.secrets.put(KEY_SECRET, pkcs1 ? TestCredentials.pkcs1Pem(f.appKey) : TestCredentials.pkcs8Pem(f.appKey));
    f.config.put(GitHubConfig.APP_ID, Long.toString(APP_ID));
    f.config.put(GitHubConfig.APP_PRIVATE_KEY_SECRET, KEY_SECRET);
    return f;
  }

  Fixture with(String key, String value) {
    config.put(key, value);
    return this;
  }

  ConfigProperties properties() {
    return ConfigProperties.builder().putAll(config).build();
  }

  GitHubCodeHost host() {
    return GitHubCodeHost.create(GitHubConfig.read(properties()), secrets, clock);
  }

  @Override
  public void close() {
    github.close();
  }
}
