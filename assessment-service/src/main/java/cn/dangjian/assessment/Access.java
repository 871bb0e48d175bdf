package cn.dangjian.assessment;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.security.Roles;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The caller, its data scope and the org checks every feature makes the same way. */
@Component
public class Access {

  private final CurrentCaller callers;
  private final DataScopeResolver scopes;
  private final MemberProjection projection;

  Access(CurrentCaller callers, DataScopeResolver scopes, MemberProjection projection) {
    this.callers = callers;
    this.scopes = scopes;
    this.projection = projection;
  }

  public Caller caller() {
    return callers.get();
  }

  public DataScope scope() {
    return scopes.resolve(callers.get());
  }

  public String username() {
    return callers.get().username();
  }

  /** The org if it lies in the caller's scope; 404 otherwise (no hint that it exists). */
  public ProjectedOrg orgInScope(UUID orgId) {
    DataScope scope = scope();
    return projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }

  /**
   * The org if the caller manages it from above (one level assessing the level below): platform
   * admins, or a secretary / party worker whose scope covers it and who is not the org itself.
   */
  public ProjectedOrg orgAssessedByCaller(UUID orgId) {
    ProjectedOrg org = orgInScope(orgId);
    Caller c = caller();
    if (!c.platformWide() && c.orgId().map(orgId::equals).orElse(false)) {
      throw ProblemException.forbidden("assessment.rule.not-own-org");
    }
    return org;
  }

  public boolean isAssessor() {
    Caller c = caller();
    return c.hasRole(Roles.ASSESSOR)
        && !c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER);
  }

  public MemberProjection projection() {
    return projection;
  }
}
