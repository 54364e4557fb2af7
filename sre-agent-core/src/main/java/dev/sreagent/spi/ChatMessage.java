package dev.sreagent.spi;

import java.util.Objects;

/**
 * One message of a model conversation.
 *
 * @param role who speaks
 * @param content the text
 */
public record ChatMessage(Role role, String content) {
  /** Validates. */
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** @return a system message (instructions) */
  public static ChatMessage system(String content) {
    return new ChatMessage(Role.SYSTEM, content);
  }

  /** @return a user message */
  public static ChatMessage user(String content) {
    return new ChatMessage(Role.USER, content);
  }

  /** @return an assistant message (an earlier answer) */
  public static ChatMessage assistant(String content) {
    return new ChatMessage(Role.ASSISTANT, content);
  }

  /** Who speaks. */
  public enum Role {
    /** Instructions. */
    SYSTEM,
    /** The request. */
    USER,
    /** The model's earlier answer. */
    ASSISTANT
  }
}
