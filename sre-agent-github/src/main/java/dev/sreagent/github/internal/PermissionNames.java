package dev.sreagent.github.internal;

import java.util.Locale;
import org.kohsuke.github.GHPermissionType;

/** How permissions are named to users: as GitHub's settings pages spell them. */
final class PermissionNames {
  private PermissionNames() {}

  /** @return "Contents: Read and write" for ("contents", WRITE) */
  static String appPermission(String key, GHPermissionType level) {
    String name = switch (key) {
      case "contents" -> "Contents";
      case "pull_requests" -> "Pull requests";
      case "issues" -> "Issues";
      case "metadata" -> "Metadata";
      default -> key;
    };
    String lvl = switch (level) {
      case WRITE -> "Read and write";
      case READ -> "Read-only";
      default -> level.name().toLowerCase(Locale.ROOT);
    };
    return name + ": " + lvl;
  }
}
