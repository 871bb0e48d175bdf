package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.Access;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees and who manages a cycle, and which of its orgs: the checks every workflow step makes.
 */
@Component
class CycleAccess {

  private final Access access;
  private final CycleStore cycles;

  CycleAccess(Access access, CycleStore cycles) {
    this.access = access;
    this.cycles = cycles;
  }

  /** A cycle the caller may see: in scope, or an assessor with at least one assigned org. */
  Cycle visible(UUID id) {
    Cycle cycle =
        cycles.find(id).orElseThrow(() -> ProblemException.notFound("cycle.not-found", id));
    if (access.isAssessor()) {
      if (!cycles.isAssessorOf(id, access.username())) {
        throw ProblemException.notFound("cycle.not-found", id);
      }
      return cycle;
    }
    DataScope scope = access.scope();
    // the cycle's managers see it; so does each assessed org (its own result)
    boolean visible =
        scope.coversPath(cycle.rootPath())
            || scope.pathFilter().map(p -> cycles.hasOrgUnder(id, p)).orElse(false);
    if (!visible) {
      throw ProblemException.notFound("cycle.not-found", id);
    }
    return cycle;
  }

  /**
   * A cycle the caller manages (platform admin, or a secretary whose scope covers its root), locked
   * for the rest of the transaction and read again under the lock.
   */
  Cycle managed(UUID cycleId) {
    manageable(cycleId);
    cycles.lock(cycleId);
    return visible(cycleId);
  }

  /**
   * A cycle the caller manages, read without a lock: the checks before a job is queued, which must
   * not wait for a running job's transaction.
   */
  Cycle manageable(UUID cycleId) {
    Cycle cycle = visible(cycleId);
    Caller c = access.caller();
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)
        || !access.scope().coversPath(cycle.rootPath())) {
      throw ProblemException.forbidden("cycle.rule.manage-role");
    }
    return cycle;
  }

  /**
   * For a job (no caller: its scope was checked when it was queued): the cycle locked for the rest
   * of the transaction; 404 if it is gone.
   */
  Cycle locked(UUID cycleId) {
    cycles.lock(cycleId);
    return cycles
        .find(cycleId)
        .orElseThrow(() -> ProblemException.notFound("cycle.not-found", cycleId));
  }

  /** Which orgs of a cycle the caller sees. */
  OrgFilter orgFilter() {
    if (access.isAssessor()) {
      return OrgFilter.assessor(access.username());
    }
    return OrgFilter.scope(access.scope());
  }

  /** 404 unless the org belongs to the cycle and the caller sees it. */
  void requireVisibleOrg(Cycle cycle, UUID orgId) {
    if (!cycles.orgVisible(cycle.id(), orgId, orgFilter())) {
      throw ProblemException.notFound("cycle.org-not-found", orgId);
    }
  }
}
