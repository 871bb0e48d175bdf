package cn.dangjian.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the token says: user id, realm roles and the data scope anchor ({@code
 * org_id}). Every query a service runs on behalf of a caller is limited to the subtree under {@link
 * #orgId()} unless {@link #platformWide()}.
 */
public record Caller(
    String subject,
    String username,
    Set<String> roles,
    Optional<UUID> orgId,
    Optional<UUID> memberId) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... candidates) {
    for (String role : candidates) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** Platform admins (组织部) see every organisation. */
  public boolean platformWide() {
    return hasRole(Roles.PLATFORM_ADMIN);
  }
}
