package cn.dangjian.member.privacy;

import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;

/**
 * Who may see personal data beyond the masks: the roles that may call the audited "reveal personal
 * data" endpoint (platform admins and secretaries). Everyone else gets masks and only the birth
 * year, and may not look members up by ID number.
 */
public final class PersonalDataPolicy {

  private PersonalDataPolicy() {}

  public static boolean mayUnmask(Caller caller) {
    return caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY);
  }
}
