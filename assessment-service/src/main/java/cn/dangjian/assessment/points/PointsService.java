package cn.dangjian.assessment.points;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.points.PointsLedger.Rule;
import cn.dangjian.assessment.points.PointsViews.BranchTotal;
import cn.dangjian.assessment.points.PointsViews.Entry;
import cn.dangjian.assessment.points.PointsViews.Ledger;
import cn.dangjian.assessment.points.PointsViews.RankRow;
import cn.dangjian.assessment.points.PointsViews.Setting;
import cn.dangjian.assessment.points.PointsViews.Volunteer;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the ledger, the per-org switch, the rule table and volunteer service approvals. */
@Service
public class PointsService {

  private final LedgerStore entries;
  private final PointsStore store;
  private final Access access;
  private final MemberProjection projection;
  private final PointsSettings settings;
  private final PointsLedger ledger;
  private final Clock clock;

  PointsService(
      LedgerStore entries,
      PointsStore store,
      Access access,
      MemberProjection projection,
      PointsSettings settings,
      PointsLedger ledger,
      Clock clock) {
    this.entries = entries;
    this.store = store;
    this.access = access;
    this.projection = projection;
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Ledger ledger(UUID memberId, int year) {
    Caller c = access.caller();
    ProjectedMember m =
        projection
            .member(memberId)
            .filter(x -> visible(c, x))
            .orElseThrow(() -> ProblemException.notFound("member.not-found", memberId));
    requirePoints(orgOf(m.orgId()));
    List<Entry> list = entries.entries(memberId, year);
    BigDecimal total = list.stream().map(Entry::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Ledger(memberId, year, total, list);
  }

  /** Totals per branch under an org (alphabetical: a total is not a ranking). */
  @Transactional(readOnly = true)
  public List<BranchTotal> branchTotals(UUID orgId, int year) {
    ProjectedOrg org = access.orgInScope(orgId);
    requirePoints(org);
    return entries.branchTotals(org.path(), year);
  }

  /** Members ranked by their yearly total: only where the org switched rankings on. */
  @Transactional(readOnly = true)
  public List<RankRow> ranking(UUID orgId, int year, int limit) {
    ProjectedOrg org = access.orgInScope(orgId);
    Setting s = settings.effective(org);
    if (!s.pointsEnabled()) {
      throw ProblemException.forbidden("points.rule.off");
    }
    if (!s.rankingEnabled()) {
      throw ProblemException.forbidden("points.rule.ranking-off");
    }
    return entries.ranking(org.path(), year, limit);
  }

  @Transactional(readOnly = true)
  public Setting setting(UUID orgId) {
    return settings.effective(access.orgInScope(orgId));
  }

  @Transactional
  public Setting set(UUID orgId, long expectedVersion, boolean points, boolean ranking) {
    ProjectedOrg org = access.orgInScope(orgId);
    settings.set(org, expectedVersion, points, ranking, access.username());
    return settings.effective(org);
  }

  @Transactional(readOnly = true)
  public List<Rule> rules() {
    return List.of(PointsAction.values()).stream().map(a -> ledger.rule(a).orElseThrow()).toList();
  }

  @Transactional
  public Rule updateRule(
      PointsAction action,
      long expectedVersion,
      BigDecimal points,
      BigDecimal dailyCap,
      boolean enabled) {
    if (dailyCap.signum() <= 0) {
      throw ProblemException.businessRule("daily-cap-positive", "points.rule.cap-positive");
    }
    if (!store.updateRule(
        action, expectedVersion, points, dailyCap, enabled, access.username(), clock.instant())) {
      throw ProblemException.preconditionFailed();
    }
    return ledger.rule(action).orElseThrow();
  }

  @Transactional
  public Volunteer enterVolunteer(
      UUID memberId, LocalDate servedOn, BigDecimal hours, String description) {
    ProjectedMember m =
        projection
            .member(memberId)
            .filter(x -> access.scope().coversPath(x.orgPath()))
            .orElseThrow(() -> ProblemException.notFound("member.not-found", memberId));
    if (servedOn.isAfter(LocalDate.now(clock))) {
      throw ProblemException.businessRule(
          "volunteer-not-in-future", "points.rule.volunteer-future");
    }
    UUID id = UuidV7.next();
    store.insertVolunteer(
        new Volunteer(
            id,
            memberId,
            m.orgId(),
            servedOn,
            hours,
            description,
            "PENDING",
            access.username(),
            null),
        m.orgPath(),
        clock.instant());
    return volunteer(id);
  }

  /** Approves (points credited, capped per day) or rejects; never by the person who entered it. */
  @Transactional
  public Volunteer decideVolunteer(UUID id, boolean approve) {
    Volunteer v = volunteer(id);
    if (!access.scope().coversPath(orgOf(v.orgId()).path())) {
      throw ProblemException.notFound("volunteer.not-found", id);
    }
    store.lockVolunteer(id);
    if (!"PENDING".equals(volunteer(id).status())) {
      throw ProblemException.businessRule("volunteer-decided", "points.rule.volunteer-decided");
    }
    if (v.enteredBy().equals(access.username())) {
      throw ProblemException.businessRule(
          "approver-is-not-enterer", "points.rule.volunteer-approver");
    }
    store.decideVolunteer(
        id, approve ? "APPROVED" : "REJECTED", access.username(), clock.instant());
    if (approve) {
      ledger.award(
          v.memberId(),
          v.orgId(),
          PointsAction.VOLUNTEER_SERVICE,
          v.hours(),
          v.servedOn(),
          "volunteer:" + id,
          id,
          v.description());
    }
    return volunteer(id);
  }

  private Volunteer volunteer(UUID id) {
    return store
        .volunteer(id)
        .orElseThrow(() -> ProblemException.notFound("volunteer.not-found", id));
  }

  private boolean visible(Caller c, ProjectedMember m) {
    DataScope scope = access.scope();
    if (scope.kind() == DataScope.Kind.SELF) {
      return m.memberId().equals(scope.selfMemberId());
    }
    return scope.coversPath(m.orgPath());
  }

  private ProjectedOrg orgOf(UUID orgId) {
    return projection
        .org(orgId)
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
  }

  private void requirePoints(ProjectedOrg org) {
    if (!settings.effective(org).pointsEnabled()) {
      throw ProblemException.forbidden("points.rule.off");
    }
  }
}
