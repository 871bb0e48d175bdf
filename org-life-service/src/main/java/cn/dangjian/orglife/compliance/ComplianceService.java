package cn.dangjian.orglife.compliance;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.compliance.ComplianceViews.OrgPlan;
import cn.dangjian.orglife.compliance.ComplianceViews.Requirement;
import cn.dangjian.orglife.compliance.ComplianceViews.Summary;
import cn.dangjian.orglife.compliance.PlanVsActualRules.HeldMeeting;
import cn.dangjian.orglife.compliance.PlanVsActualRules.Span;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan vs actual: for a branch and period what was due, what was held (approved), what is pending
 * review and what is missing; and the compliance summary of a whole subtree from the count table.
 * The computation is {@link PlanVsActualRules}; this class reads its inputs in the caller's scope.
 */
@Service
public class ComplianceService {

  private final RequirementStore requirements;
  private final ComplianceStore store;
  private final MemberProjection projection;
  private final OrgLifeProperties properties;
  private final Clock clock;

  ComplianceService(
      RequirementStore requirements,
      ComplianceStore store,
      MemberProjection projection,
      OrgLifeProperties properties,
      Clock clock) {
    this.requirements = requirements;
    this.store = store;
    this.projection = projection;
    this.properties = properties;
    this.clock = clock;
  }

  // --- requirements

  public List<Requirement> requirements() {
    return requirements.all();
  }

  /** Adds (version &lt; 0) or changes a requirement; a stale version fails the precondition. */
  @Transactional
  public Requirement setRequirement(
      String orgType,
      String meetingType,
      PeriodUnit unit,
      int minCount,
      boolean enabled,
      String basis,
      long version,
      String by) {
    if (minCount < 1 || minCount > 31) {
      throw ProblemException.businessRule(
          "requirement-min-count-1-to-31", "compliance.rule.requirement-min");
    }
    int changed =
        version < 0
            ? requirements.insert(
                orgType,
                meetingType,
                unit,
                minCount,
                enabled,
                basis == null ? "local rule" : basis,
                by,
                clock.instant())
            : requirements.update(
                orgType, meetingType, unit, minCount, enabled, basis, version, by, clock.instant());
    if (changed == 0) {
      throw ProblemException.preconditionFailed();
    }
    return requirements.all().stream()
        .filter(r -> r.orgType().equals(orgType) && r.meetingType().equals(meetingType))
        .findFirst()
        .orElseThrow();
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  // --- plan vs actual

  @Transactional(readOnly = true)
  public OrgPlan plan(UUID orgId, String periodText, DataScope scope) {
    Period period = Period.parse(periodText);
    ProjectedOrg org = orgInScope(orgId, scope);
    List<Requirement> reqs =
        PlanVsActualRules.activeByOrgType(requirements.all()).get(org.orgType());
    if (reqs == null) {
      throw ProblemException.businessRule(
          "plan-is-for-branches-and-groups", "compliance.rule.not-a-branch");
    }
    reqs = PlanVsActualRules.applicable(reqs, store.seatsOf(orgId));
    LocalDate today = today();
    Span span = PlanVsActualRules.span(period, reqs);
    List<HeldMeeting> held = store.heldMeetings(orgId, span.from(), span.to());
    return PlanVsActualRules.plan(org, period, today, reqs, held);
  }

  @Transactional(readOnly = true)
  public Summary summary(UUID orgId, String periodText, DataScope scope) {
    Period period = Period.parse(periodText);
    ProjectedOrg root = orgInScope(orgId, scope);
    Map<String, List<Requirement>> reqs = PlanVsActualRules.activeByOrgType(requirements.all());
    LocalDate today = today();
    Span span =
        PlanVsActualRules.span(period, reqs.values().stream().flatMap(List::stream).toList());
    List<ProjectedOrg> under = projection.orgsUnder(root.path());
    Map<UUID, Map<String, Map<Integer, Integer>>> counts =
        store.approvedCounts(root.path(), Period.monthOf(span.from()), Period.monthOf(span.to()));
    Map<UUID, Integer> seats = store.seatsUnder(root.path());
    return PlanVsActualRules.summary(root, period, today, reqs, under, counts, seats);
  }

  private ProjectedOrg orgInScope(UUID orgId, DataScope scope) {
    return projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }
}
