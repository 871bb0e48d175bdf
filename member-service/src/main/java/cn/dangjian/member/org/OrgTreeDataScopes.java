package cn.dangjian.member.org;

import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Turns the token's {@code org_id} into the subtree the caller may see. The tree lives here, so
 * member-service resolves paths from its own table; other services keep a projection.
 */
@Component
class OrgTreeDataScopes implements DataScopeResolver {

  private final OrgRepository orgs;

  OrgTreeDataScopes(OrgRepository orgs) {
    this.orgs = orgs;
  }

  @Override
  public DataScope resolve(Caller caller) {
    return DataScope.of(caller, orgId -> orgs.findById(orgId).map(Org::getPath));
  }
}
