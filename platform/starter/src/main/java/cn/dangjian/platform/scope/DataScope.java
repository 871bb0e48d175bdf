package cn.dangjian.platform.scope;

import java.util.Optional;
import java.util.UUID;

/**
 * What one caller may see: everything (platform admins, integration clients), the subtree under a
 * path, only one member (self service), or nothing (a token without a usable org).
 */
public record DataScope(Kind kind, String pathPrefix, UUID selfMemberId) {

  public enum Kind {
    ALL,
    SUBTREE,
    SELF,
    NOTHING
  }

  public static DataScope all() {
    return new DataScope(Kind.ALL, null, null);
  }

  public static DataScope subtree(String pathPrefix) {
    return new DataScope(Kind.SUBTREE, pathPrefix, null);
  }

  public static DataScope self(UUID memberId) {
    return new DataScope(Kind.SELF, null, memberId);
  }

  public static DataScope nothing() {
    return new DataScope(Kind.NOTHING, null, null);
  }

  /** Whether an org (by its path) lies inside this scope. */
  public boolean coversPath(String path) {
    return switch (kind) {
      case ALL -> true;
      case SUBTREE -> path.startsWith(pathPrefix);
      case SELF, NOTHING -> false;
    };
  }

  /** The path prefix to filter by, or empty for "no path filter" (ALL). */
  public Optional<String> pathFilter() {
    return Optional.ofNullable(pathPrefix);
  }
}
