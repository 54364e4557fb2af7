/**
 * The {@code local} providers shipped in core: real and useful on a laptop, in tests and in the offline
 * demo. Each is selected when no other provider of its capability is on the classpath, or by naming
 * {@code local} ({@code sre-agent.log-source=local}, …). Their keys are under {@code sre-agent.local.*}
 * and documented in {@code docs/providers/local.md}.
 *
 * <ul>
 *   <li>{@link dev.sreagent.local.LocalFileLogSource}: tails a file of JSON lines or plain text.
 *   <li>{@link dev.sreagent.local.InMemoryMessageBus}: at-least-once work queue with visibility timeout and dead letters.
 *   <li>{@link dev.sreagent.local.DirectorySecretStore} and {@link dev.sreagent.local.EnvironmentSecretStore}.
 *   <li>{@link dev.sreagent.local.OpenAiCompatibleModelClient} and {@link dev.sreagent.local.ReplayModelClient}.
 *   <li>{@link dev.sreagent.local.LocalGitCodeHost}: a local git repository, driven through the {@code git} executable.
 * </ul>
 */
@NullMarked
package dev.sreagent.local;

import org.jspecify.annotations.NullMarked;
