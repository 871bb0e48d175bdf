package cn.dangjian.orglife.appraisal;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.appraisal.AppraisalViews.BranchGrades;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grades of the yearly democratic appraisal, with the ≤ 1/3 优秀 limit per branch. */
@Service
public class AppraisalService {

  private final AppraisalStore store;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final OrgLifeProperties properties;
  private final Clock clock;

  AppraisalService(
      AppraisalStore store,
      MemberProjection projection,
      DomainEventPublisher events,
      OrgLifeProperties properties,
      Clock clock) {
    this.store = store;
    this.projection = projection;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Grades members of a branch for a year (re-grading replaces a grade). Probationary members take
   * part but are not graded; after the change at most a third of the full members are 优秀.
   */
  @Transactional
  public BranchGrades grade(
      UUID orgId, int year, UUID meetingId, Map<UUID, Grade> grades, DataScope scope, String by) {
    if (year > LocalDate.now(clock.withZone(properties.zone())).getYear()) {
      throw ProblemException.businessRule("appraisal-year-not-in-future", "appraisal.rule.year");
    }
    ProjectedOrg org = orgInScope(orgId, scope);
    // lock the branch's grades for the year so that two graders cannot both take the last 优秀
    store.lock(orgId, year);
    Map<UUID, ProjectedMember> members =
        projection.membersOf(orgId).stream()
            .filter(m -> m.active() && m.admitted())
            .collect(Collectors.toMap(ProjectedMember::memberId, Function.identity()));
    checkGradable(grades, members);
    Map<UUID, Grade> after = new HashMap<>(store.current(orgId, year));
    after.putAll(grades);
    int full = (int) members.values().stream().filter(ProjectedMember::formal).count();
    int excellent = (int) after.values().stream().filter(g -> g == Grade.EXCELLENT).count();
    AppraisalRules.checkExcellentShare(full, excellent);
    for (Map.Entry<UUID, Grade> e : grades.entrySet()) {
      ProjectedMember m = members.get(e.getKey());
      UUID stored =
          store.grade(
              m.memberId(), year, orgId, org.path(), e.getValue(), meetingId, by, clock.instant());
      events.publish(
          EventTypes.ORGLIFE_APPRAISAL_GRADED,
          m.memberId().toString(),
          org.path(),
          new AppraisalGraded(stored, m.memberId(), orgId, year, e.getValue().name(), meetingId));
    }
    return view(orgId, year, full);
  }

  @Transactional(readOnly = true)
  public BranchGrades of(UUID orgId, int year, DataScope scope) {
    orgInScope(orgId, scope);
    int full =
        (int) projection.membersOf(orgId).stream().filter(m -> m.active() && m.formal()).count();
    return view(orgId, year, full);
  }

  /** Only full members of the branch are graded. */
  private static void checkGradable(Map<UUID, Grade> grades, Map<UUID, ProjectedMember> members) {
    for (UUID id : grades.keySet()) {
      ProjectedMember m = members.get(id);
      if (m == null) {
        throw ProblemException.businessRule(
            "member-not-in-branch", "appraisal.rule.member-not-in-branch", id);
      }
      if (!m.formal()) {
        throw ProblemException.businessRule(
            "probationary-members-are-not-graded", "appraisal.rule.probationary-not-graded", id);
      }
    }
  }

  private BranchGrades view(UUID orgId, int year, int full) {
    return new BranchGrades(
        orgId, year, full, AppraisalRules.maxExcellent(full), store.grades(orgId, year));
  }

  private ProjectedOrg orgInScope(UUID orgId, DataScope scope) {
    return projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }
}
