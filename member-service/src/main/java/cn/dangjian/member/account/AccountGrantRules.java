package cn.dangjian.member.account;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Roles;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may grant which account role, and which accounts a caller may change at all. Plain rules, no
 * Spring: a branch must never be able to hand out (or take over) more power than it has.
 */
public final class AccountGrantRules {

  /** Roles Keycloak gives every user of the realm; they say nothing about power. */
  private static final Set<String> BUILT_IN = Set.of("offline_access", "uma_authorization");

  private AccountGrantRules() {}

  /**
   * The roles {@code callerRoles} may grant: a platform admin the three managed roles, a secretary
   * only member and party-worker (never secretary, never platform-admin), anyone else nothing.
   */
  public static Set<AccountRole> grantable(Set<String> callerRoles) {
    if (callerRoles.contains(Roles.PLATFORM_ADMIN)) {
      return EnumSet.allOf(AccountRole.class);
    }
    if (callerRoles.contains(Roles.SECRETARY)) {
      return EnumSet.of(AccountRole.MEMBER, AccountRole.PARTY_WORKER);
    }
    return EnumSet.noneOf(AccountRole.class);
  }

  /**
   * @param self the account is the caller's own: nobody raises their own role above what they have
   */
  public static void checkGrant(Set<String> callerRoles, AccountRole requested, boolean self) {
    if (!grantable(callerRoles).contains(requested)) {
      throw ProblemException.forbidden("account.role-not-grantable", requested.realmRole());
    }
    if (self
        && !callerRoles.contains(Roles.PLATFORM_ADMIN)
        && !callerRoles.contains(requested.realmRole())) {
      throw ProblemException.forbidden("account.role-not-grantable", requested.realmRole());
    }
  }

  /**
   * May the caller change (role, org) an existing account that has {@code targetRealmRoles}? An
   * account holding any role this service does not manage (platform-admin, assessor, …) is never
   * changed here; an officer account (party-worker, secretary) only by a platform admin, never
   * re-scoped by a branch.
   */
  public static void checkChange(Set<String> callerRoles, Set<String> targetRealmRoles) {
    boolean officer = false;
    for (String role : targetRealmRoles) {
      if (isBuiltIn(role) || AccountRole.MEMBER.realmRole().equals(role)) {
        continue;
      }
      if (AccountRole.PARTY_WORKER.realmRole().equals(role)
          || AccountRole.SECRETARY.realmRole().equals(role)) {
        officer = true;
      } else {
        throw ProblemException.forbidden("account.officer-account");
      }
    }
    if (officer && !callerRoles.contains(Roles.PLATFORM_ADMIN)) {
      throw ProblemException.forbidden("account.officer-account");
    }
  }

  private static boolean isBuiltIn(String role) {
    return BUILT_IN.contains(role) || role.startsWith("default-roles-");
  }
}
