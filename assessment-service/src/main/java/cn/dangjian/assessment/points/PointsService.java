package cn.dangjian.assessment.points;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.points.PointsLedger.Rule;
import cn.dangjian.assessment.points.PointsSettings.Setting;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the ledger, the per-org switch, the rule table and volunteer service approvals. */
@Service
public class PointsService {

  private final JdbcTemplate jdbc;
  private final Access access;
  private final MemberProjection projection;
  private final PointsSettings settings;
  private final PointsLedger ledger;
  private final Clock clock;

  PointsService(
      JdbcTemplate jdbc,
      Access access,
      MemberProjection projection,
      PointsSettings settings,
      PointsLedger ledger,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.projection = projection;
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Schema(description = "积分明细 (a ledger entry with its source)")
  public record Entry(
      UUID id,
      LocalDate occurredOn,
      PointsAction action,
      BigDecimal points,
      String sourceRef,
      UUID sourceEventId,
      String note) {}

  @Schema(description = "党员年度积分台账 (a member's yearly ledger)")
  public record Ledger(UUID memberId, int year, BigDecimal total, List<Entry> entries) {}

  @Schema(description = "支部积分合计 (totals of one branch; not a ranking)")
  public record BranchTotal(
      UUID orgId, String orgName, int members, BigDecimal total, BigDecimal average) {}

  @Schema(description = "党员积分排名中的一行 (one row of a ranking)")
  public record RankRow(int rank, UUID memberId, BigDecimal total) {}

  @Schema(description = "志愿服务记录 (a volunteer service record)")
  public record Volunteer(
      UUID id,
      UUID memberId,
      UUID orgId,
      LocalDate servedOn,
      BigDecimal hours,
      String description,
      String status,
      String enteredBy,
      String decidedBy) {}

  @Transactional(readOnly = true)
  public Ledger ledger(UUID memberId, int year) {
    Caller c = access.caller();
    ProjectedMember m =
        projection
            .member(memberId)
            .filter(x -> visible(c, x))
            .orElseThrow(() -> ProblemException.notFound("member.not-found", memberId));
    requirePoints(orgOf(m.orgId()));
    List<Entry> entries =
        jdbc.query(
            "SELECT id, occurred_on, action, points, source_ref, source_event_id, note FROM"
                + " points_entry WHERE member_id = ? AND points_year = ? ORDER BY occurred_on, id",
            (rs, n) ->
                new Entry(
                    uuid(rs.getBytes(1)),
                    rs.getObject(2, LocalDate.class),
                    PointsAction.valueOf(rs.getString(3)),
                    rs.getBigDecimal(4),
                    rs.getString(5),
                    uuid(rs.getBytes(6)),
                    rs.getString(7)),
            bytes(memberId),
            year);
    BigDecimal total = entries.stream().map(Entry::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Ledger(memberId, year, total, entries);
  }

  /** Totals per branch under an org (alphabetical: a total is not a ranking). */
  @Transactional(readOnly = true)
  public List<BranchTotal> branchTotals(UUID orgId, int year) {
    ProjectedOrg org = access.orgInScope(orgId);
    requirePoints(org);
    return jdbc.query(
        "SELECT o.org_id, o.name, COUNT(DISTINCT e.member_id), COALESCE(SUM(e.points), 0) FROM"
            + " proj_org o LEFT JOIN points_entry e ON e.org_id = o.org_id AND e.points_year = ?"
            + " WHERE o.path LIKE ? AND o.org_type IN"
            + " ('BRANCH','JOINT_BRANCH','TEMPORARY_BRANCH','GENERAL_BRANCH') GROUP BY o.org_id,"
            + " o.name ORDER BY o.name LIMIT 2000",
        (rs, n) -> {
          int members = rs.getInt(3);
          BigDecimal total = rs.getBigDecimal(4);
          return new BranchTotal(
              uuid(rs.getBytes(1)),
              rs.getString(2),
              members,
              total,
              members == 0
                  ? BigDecimal.ZERO
                  : total.divide(BigDecimal.valueOf(members), 1, java.math.RoundingMode.HALF_UP));
        },
        year,
        MemberProjection.prefixPattern(org.path()));
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
    return jdbc.query(
        "SELECT RANK() OVER (ORDER BY SUM(points) DESC), member_id, SUM(points) FROM points_entry"
            + " WHERE org_path LIKE ? AND points_year = ? GROUP BY member_id ORDER BY 1 LIMIT ?",
        (rs, n) -> new RankRow(rs.getInt(1), uuid(rs.getBytes(2)), rs.getBigDecimal(3)),
        MemberProjection.prefixPattern(org.path()),
        year,
        limit);
  }

  @Transactional(readOnly = true)
  public Setting setting(UUID orgId) {
    return settings.effective(access.orgInScope(orgId));
  }

  @Transactional
  public Setting set(UUID orgId, boolean points, boolean ranking) {
    ProjectedOrg org = access.orgInScope(orgId);
    settings.set(org, points, ranking, access.username());
    return settings.effective(org);
  }

  @Transactional(readOnly = true)
  public List<Rule> rules() {
    return List.of(PointsAction.values()).stream().map(a -> ledger.rule(a).orElseThrow()).toList();
  }

  @Transactional
  public Rule updateRule(
      PointsAction action, BigDecimal points, BigDecimal dailyCap, boolean enabled) {
    if (dailyCap.signum() <= 0) {
      throw ProblemException.businessRule("daily-cap-positive", "points.rule.cap-positive");
    }
    jdbc.update(
        "UPDATE points_rule SET points = ?, daily_cap = ?, enabled = ?, updated_by = ?,"
            + " updated_at = ? WHERE action = ?",
        points,
        dailyCap,
        enabled,
        access.username(),
        Timestamp.from(clock.instant()),
        action.name());
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
    jdbc.update(
        "INSERT INTO volunteer_record (id, member_id, org_id, org_path, served_on, hours,"
            + " description, status, entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(memberId),
        bytes(m.orgId()),
        m.orgPath(),
        servedOn,
        hours,
        description,
        "PENDING",
        access.username(),
        Timestamp.from(clock.instant()));
    return volunteer(id);
  }

  /** Approves (points credited, capped per day) or rejects; never by the person who entered it. */
  @Transactional
  public Volunteer decideVolunteer(UUID id, boolean approve) {
    Volunteer v = volunteer(id);
    if (!access.scope().coversPath(orgOf(v.orgId()).path())) {
      throw ProblemException.notFound("volunteer.not-found", id);
    }
    jdbc.queryForList("SELECT id FROM volunteer_record WHERE id = ? FOR UPDATE", bytes(id));
    if (!"PENDING".equals(volunteer(id).status())) {
      throw ProblemException.businessRule("volunteer-decided", "points.rule.volunteer-decided");
    }
    if (v.enteredBy().equals(access.username())) {
      throw ProblemException.businessRule(
          "approver-is-not-enterer", "points.rule.volunteer-approver");
    }
    jdbc.update(
        "UPDATE volunteer_record SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        approve ? "APPROVED" : "REJECTED",
        access.username(),
        Timestamp.from(clock.instant()),
        bytes(id));
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
    return jdbc
        .query(
            "SELECT id, member_id, org_id, served_on, hours, description, status, entered_by,"
                + " decided_by FROM volunteer_record WHERE id = ?",
            (rs, n) ->
                new Volunteer(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    uuid(rs.getBytes(3)),
                    rs.getObject(4, LocalDate.class),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)),
            bytes(id))
        .stream()
        .findFirst()
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
