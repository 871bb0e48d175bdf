package cn.dangjian.member.scope;

import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Turns the token's {@code org_id} into the subtree the caller may see. The tree lives here, so
 * member-service resolves paths from its own table; other services keep a projection.
 */
@Component
public class DataScopeResolver {

  private final OrgRepository orgs;

  DataScopeResolver(OrgRepository orgs) {
    this.orgs = orgs;
  }

  public DataScope resolve(Caller caller) {
    if (caller.platformWide() || caller.hasRole(Roles.INTEGRATION)) {
      return DataScope.all();
    }
    if (caller.hasAnyRole(Roles.SECRETARY, Roles.PARTY_WORKER)) {
      return caller
          .orgId()
          .flatMap(orgs::findById)
          .map(org -> DataScope.subtree(org.getPath()))
          .orElse(DataScope.nothing());
    }
    if (caller.hasRole(Roles.MEMBER)) {
      return caller.memberId().map(DataScope::self).orElse(DataScope.nothing());
    }
    return DataScope.nothing();
  }
}
