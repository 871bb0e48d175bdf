package cn.dangjian.member.scope;

import cn.dangjian.member.org.Org;
import cn.dangjian.member.org.OrgRepository;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
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
    return DataScope.of(caller, orgId -> orgs.findById(orgId).map(Org::getPath));
  }
}
