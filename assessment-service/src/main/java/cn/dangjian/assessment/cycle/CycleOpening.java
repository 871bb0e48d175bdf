package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.indicator.IndicatorService;
import cn.dangjian.assessment.indicator.IndicatorViews.VersionView;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens a cycle for a subtree or a list of orgs, and assigns third-party assessors to its orgs. */
@Service
public class CycleOpening {

  private final Access access;
  private final CycleAccess cycles;
  private final CycleStore store;
  private final IndicatorService indicators;
  private final AssessmentProperties properties;
  private final Clock clock;

  CycleOpening(
      Access access,
      CycleAccess cycles,
      CycleStore store,
      IndicatorService indicators,
      AssessmentProperties properties,
      Clock clock) {
    this.access = access;
    this.cycles = cycles;
    this.store = store;
    this.indicators = indicators;
    this.properties = properties;
    this.clock = clock;
  }

  /** What opening a cycle needs. */
  public record Opening(
      String name,
      CycleKind kind,
      int year,
      Integer quarter,
      UUID rootOrgId,
      List<UUID> orgIds,
      UUID indicatorVersionId,
      String peerGroupBy,
      BigDecimal bottomPercent) {}

  /**
   * A new cycle on a published indicator version: for the listed orgs (each under the root), or for
   * every assessed org under the root.
   */
  @Transactional
  public Cycle open(Opening o) {
    Caller c = access.caller();
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY)) {
      throw ProblemException.forbidden("cycle.rule.manage-role");
    }
    ProjectedOrg root = access.orgInScope(o.rootOrgId());
    VersionView version = indicators.version(o.indicatorVersionId());
    if (!IndicatorService.PUBLISHED.equals(version.status())) {
      throw ProblemException.businessRule(
          "cycle-needs-published-version", "cycle.rule.version-published");
    }
    CycleRules.Period period = CycleRules.period(o.kind(), o.year(), o.quarter());
    String peerGroupBy = o.peerGroupBy() == null ? "ORG_TYPE" : o.peerGroupBy();
    BigDecimal bottom = o.bottomPercent() == null ? properties.bottomPercent() : o.bottomPercent();
    Cycle cycle =
        new Cycle(
            UuidV7.next(),
            o.name(),
            o.kind(),
            o.year(),
            o.kind() == CycleKind.ANNUAL ? 0 : o.quarter(),
            period.from(),
            period.to(),
            root.orgId(),
            root.path(),
            version.id(),
            Cycle.OPEN,
            peerGroupBy,
            bottom,
            properties.indicatorShare(),
            properties.ballotShare(),
            0,
            0,
            0L);
    store.insert(cycle, c.username(), clock.instant());
    addOrgs(cycle, root, o.orgIds());
    int count = store.countOrgs(cycle.id());
    if (count == 0) {
      throw ProblemException.businessRule("cycle-needs-orgs", "cycle.rule.needs-orgs");
    }
    store.setOrgCount(cycle.id(), count);
    return cycles.visible(cycle.id());
  }

  private void addOrgs(Cycle cycle, ProjectedOrg root, List<UUID> orgIds) {
    if (orgIds == null || orgIds.isEmpty()) {
      store.addOrgsUnder(
          cycle.id(), root.path(), cycle.peerGroupBy(), properties.assessedOrgTypes());
      return;
    }
    for (UUID orgId : orgIds.stream().distinct().toList()) {
      ProjectedOrg org = access.orgInScope(orgId);
      if (!org.path().startsWith(root.path())) {
        throw ProblemException.businessRule(
            "cycle-orgs-under-root", "cycle.rule.orgs-under-root", orgId);
      }
      store.addOrg(cycle.id(), orgId, cycle.peerGroupBy());
    }
  }

  /** Assigns an assessor to orgs of an open cycle; returns every org now assigned to it. */
  @Transactional
  public List<UUID> assignAssessor(UUID cycleId, String assessor, List<UUID> orgIds) {
    Cycle cycle = cycles.managed(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    for (UUID orgId : orgIds) {
      cycles.requireVisibleOrg(cycle, orgId);
      store.assign(cycle.id(), assessor, orgId, access.username(), clock.instant());
    }
    return store.assessorOrgs(cycle.id(), assessor);
  }
}
