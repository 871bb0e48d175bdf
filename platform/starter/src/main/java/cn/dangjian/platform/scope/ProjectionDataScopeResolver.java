package cn.dangjian.platform.scope;

import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.security.Caller;

/**
 * The caller's data scope for services that keep the member projection: the token's {@code org_id}
 * is looked up in the projected tree. An org this service has not learned yet (or a missing claim)
 * gives an empty scope, never a wider one.
 */
public class ProjectionDataScopeResolver implements DataScopeResolver {

  private final MemberProjection projection;

  public ProjectionDataScopeResolver(MemberProjection projection) {
    this.projection = projection;
  }

  @Override
  public DataScope resolve(Caller caller) {
    return DataScope.of(caller, orgId -> projection.org(orgId).map(ProjectedOrg::path));
  }
}
