package cn.dangjian.platform.scope;

import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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

  /**
   * The one rule from token to scope: platform admins and integration clients see everything,
   * secretaries, party workers and discipline commissions (纪委) the subtree of their token's {@code
   * org_id} (as {@code pathOf} finds it), members themselves; anyone else, or an org that cannot be
   * found, nothing.
   */
  public static DataScope of(Caller caller, Function<UUID, Optional<String>> pathOf) {
    if (caller.platformWide() || caller.hasRole(Roles.INTEGRATION)) {
      return all();
    }
    if (caller.hasAnyRole(Roles.SECRETARY, Roles.PARTY_WORKER, Roles.DISCIPLINE_COMMISSION)) {
      return caller.orgId().flatMap(pathOf).map(DataScope::subtree).orElse(nothing());
    }
    if (caller.hasRole(Roles.MEMBER)) {
      return caller.memberId().map(DataScope::self).orElse(nothing());
    }
    return nothing();
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
