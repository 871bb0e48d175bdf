package cn.dangjian.orglife.compliance;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.compliance.ComplianceRules.UnitStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan vs actual: for a branch and period what was due, what was held (approved), what is pending
 * review and what is missing; and the compliance summary of a whole subtree from the count table.
 */
@Service
public class ComplianceService {

  static final int MAX_GAPS = 200;
  private static final Set<String> PENDING = Set.of("HELD", "SUBMITTED", "RETURNED");

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final OrgLifeProperties properties;
  private final Clock clock;

  ComplianceService(
      JdbcTemplate jdbc, MemberProjection projection, OrgLifeProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.projection = projection;
    this.properties = properties;
    this.clock = clock;
  }

  // --- requirements

  public List<Requirement> requirements() {
    return jdbc.query(
        "SELECT org_type, meeting_type, period_unit, min_count, enabled, basis, version FROM"
            + " frequency_requirement ORDER BY org_type, meeting_type",
        (rs, n) ->
            new Requirement(
                rs.getString(1),
                rs.getString(2),
                PeriodUnit.valueOf(rs.getString(3)),
                rs.getInt(4),
                rs.getBoolean(5),
                rs.getString(6),
                rs.getLong(7)));
  }

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
    int changed;
    if (version < 0) {
      changed =
          jdbc.update(
              "INSERT IGNORE INTO frequency_requirement VALUES (?,?,?,?,?,?,?,?,0)",
              orgType,
              meetingType,
              unit.name(),
              minCount,
              enabled,
              basis == null ? "local rule" : basis,
              by,
              Timestamp.from(clock.instant()));
    } else {
      changed =
          jdbc.update(
              "UPDATE frequency_requirement SET period_unit = ?, min_count = ?, enabled = ?, basis"
                  + " = COALESCE(?, basis), updated_by = ?, updated_at = ?, version = version + 1"
                  + " WHERE org_type = ? AND meeting_type = ? AND version = ?",
              unit.name(),
              minCount,
              enabled,
              basis,
              by,
              Timestamp.from(clock.instant()),
              orgType,
              meetingType,
              version);
    }
    if (changed == 0) {
      throw ProblemException.preconditionFailed();
    }
    return requirements().stream()
        .filter(r -> r.orgType().equals(orgType) && r.meetingType().equals(meetingType))
        .findFirst()
        .orElseThrow();
  }

  private Map<String, List<Requirement>> activeByOrgType() {
    Map<String, List<Requirement>> result = new HashMap<>();
    for (Requirement r : requirements()) {
      if (r.enabled()) {
        result.computeIfAbsent(r.orgType(), k -> new ArrayList<>()).add(r);
      }
    }
    return result;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.getZone()));
  }

  // --- one org

  @Schema(description = "一个周期单元的计划与实际 (one requirement in one unit)")
  public record PlanItem(
      String meetingType,
      PeriodUnit unit,
      @Schema(description = "周期，如 2026-11") String unitLabel,
      LocalDate from,
      LocalDate to,
      int required,
      @Schema(description = "已审核通过的次数") int approved,
      @Schema(description = "已召开但尚未审核通过的次数") int pending,
      UnitStatus status,
      List<UUID> approvedMeetingIds,
      List<UUID> pendingMeetingIds) {}

  @Schema(description = "组织在期间内的应开、已开与缺项 (plan vs actual)")
  public record OrgPlan(
      UUID orgId,
      String orgName,
      String orgType,
      String period,
      LocalDate asOf,
      int due,
      int met,
      int missing,
      int open,
      List<PlanItem> items) {}

  @Transactional(readOnly = true)
  public OrgPlan plan(UUID orgId, String periodText, DataScope scope) {
    Period period = Period.parse(periodText);
    ProjectedOrg org =
        projection
            .org(orgId)
            .filter(o -> scope.coversPath(o.path()))
            .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    List<Requirement> reqs = activeByOrgType().get(org.orgType());
    if (reqs == null) {
      throw ProblemException.businessRule(
          "plan-is-for-branches-and-groups", "compliance.rule.not-a-branch");
    }
    Integer seats = seatsOf(List.of(orgId)).get(orgId);
    reqs = reqs.stream().filter(r -> ComplianceRules.applies(r.meetingType(), seats)).toList();
    LocalDate today = today();
    // every unit overlapping the period: a year requirement seen from a month is the whole year
    LocalDate from = period.from();
    LocalDate to = period.to();
    for (Requirement r : reqs) {
      List<Period> units = period.unitsOf(r.unit());
      from = units.get(0).from().isBefore(from) ? units.get(0).from() : from;
      LocalDate last = units.get(units.size() - 1).to();
      to = last.isAfter(to) ? last : to;
    }
    List<Object[]> rows =
        jdbc.query(
            "SELECT id, meeting_type, status, held_on FROM meeting WHERE org_id = ? AND held_on"
                + " BETWEEN ? AND ? AND status NOT IN ('PLANNED','CANCELLED')",
            (rs, n) ->
                new Object[] {
                  uuid(rs.getBytes(1)),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getDate(4).toLocalDate()
                },
            bytes(orgId),
            java.sql.Date.valueOf(from),
            java.sql.Date.valueOf(to));
    List<PlanItem> items = new ArrayList<>();
    int due = 0, met = 0, missing = 0, open = 0;
    for (Requirement r : reqs) {
      for (Period u : period.unitsOf(r.unit())) {
        List<UUID> approved = new ArrayList<>();
        List<UUID> pending = new ArrayList<>();
        for (Object[] row : rows) {
          if (row[1].equals(r.meetingType()) && u.contains((LocalDate) row[3])) {
            String status = (String) row[2];
            if (PENDING.contains(status)) {
              pending.add((UUID) row[0]);
            } else {
              approved.add((UUID) row[0]);
            }
          }
        }
        UnitStatus status = ComplianceRules.status(u, approved.size(), r.minCount(), today);
        switch (status) {
          case MET -> met++;
          case MISSING -> missing++;
          case OPEN -> open++;
          case NOT_DUE -> {}
        }
        if (status != UnitStatus.NOT_DUE) {
          due++;
        }
        items.add(
            new PlanItem(
                r.meetingType(),
                r.unit(),
                u.label(),
                u.from(),
                u.to(),
                r.minCount(),
                approved.size(),
                pending.size(),
                status,
                approved,
                pending));
      }
    }
    return new OrgPlan(
        org.orgId(),
        org.name(),
        org.orgType(),
        period.label(),
        today,
        due,
        met,
        missing,
        open,
        items);
  }

  // --- a subtree

  @Schema(description = "某类会议在辖区内的完成情况 (one meeting type across the subtree)")
  public record TypeSummary(
      String meetingType,
      PeriodUnit unit,
      @Schema(description = "适用的组织数") int orgs,
      @Schema(description = "应开（已到期或进行中的周期单元）") long due,
      long met,
      long missing,
      long open,
      @Schema(description = "完成率 met/due") double rate) {}

  @Schema(description = "有缺项的组织 (an org with missing units)")
  public record OrgGap(UUID orgId, String orgName, String orgType, List<String> missing) {}

  @Schema(description = "辖区组织生活完成情况汇总 (compliance summary of a subtree)")
  public record Summary(
      UUID orgId,
      String period,
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      @Schema(description = "参与统计的组织数（党支部、党小组等）") int orgs,
      @Schema(description = "全部达标的组织数") int compliantOrgs,
      long due,
      long met,
      long missing,
      long open,
      double rate,
      List<TypeSummary> byType,
      @Schema(description = "缺项组织（最多200个，缺项多者在前）") List<OrgGap> gaps,
      @Schema(description = "缺项组织总数") int orgsWithGaps) {}

  @Transactional(readOnly = true)
  public Summary summary(UUID orgId, String periodText, DataScope scope) {
    Period period = Period.parse(periodText);
    ProjectedOrg root =
        projection
            .org(orgId)
            .filter(o -> scope.coversPath(o.path()))
            .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    Map<String, List<Requirement>> reqs = activeByOrgType();
    LocalDate today = today();
    // widen to whole units (a year requirement inside a month query)
    LocalDate from = period.from();
    LocalDate to = period.to();
    for (List<Requirement> list : reqs.values()) {
      for (Requirement r : list) {
        List<Period> units = period.unitsOf(r.unit());
        if (units.get(0).from().isBefore(from)) {
          from = units.get(0).from();
        }
        LocalDate last = units.get(units.size() - 1).to();
        if (last.isAfter(to)) {
          to = last;
        }
      }
    }
    List<ProjectedOrg> orgs = new ArrayList<>();
    for (ProjectedOrg o : projection.orgsUnder(root.path())) {
      if (!o.dissolved() && reqs.containsKey(o.orgType())) {
        orgs.add(o);
      }
    }
    // (org, type) → month → approved count
    Map<UUID, Map<String, Map<Integer, Integer>>> counts = new HashMap<>(orgs.size() * 2);
    jdbc.query(
        "SELECT org_id, meeting_type, period_month, held FROM compliance_count WHERE org_path LIKE"
            + " ? AND period_month BETWEEN ? AND ? AND held > 0",
        rs -> {
          counts
              .computeIfAbsent(uuid(rs.getBytes(1)), k -> new HashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
              .put(rs.getInt(3), rs.getInt(4));
        },
        like(root.path()),
        ComplianceCounts.monthOf(from),
        ComplianceCounts.monthOf(to));

    Map<UUID, Integer> seats = seatsUnder(root.path());
    Map<String, long[]> byType = new LinkedHashMap<>(); // due, met, missing, open, orgs
    Map<String, PeriodUnit> unitOf = new HashMap<>();
    Map<PeriodUnit, List<Period>> unitsCache = new EnumMap<>(PeriodUnit.class);
    List<OrgGap> gaps = new ArrayList<>();
    int compliant = 0;
    for (ProjectedOrg o : orgs) {
      Map<String, Map<Integer, Integer>> orgCounts = counts.getOrDefault(o.orgId(), Map.of());
      List<String> missingUnits = new ArrayList<>();
      for (Requirement r : reqs.get(o.orgType())) {
        if (!ComplianceRules.applies(r.meetingType(), seats.get(o.orgId()))) {
          continue;
        }
        long[] t = byType.computeIfAbsent(r.meetingType(), k -> new long[5]);
        unitOf.putIfAbsent(r.meetingType(), r.unit());
        t[4]++;
        Map<Integer, Integer> months = orgCounts.getOrDefault(r.meetingType(), Map.of());
        for (Period u : unitsCache.computeIfAbsent(r.unit(), period::unitsOf)) {
          int held = 0;
          for (Map.Entry<Integer, Integer> e : months.entrySet()) {
            if (e.getKey() >= u.fromMonth() && e.getKey() <= u.toMonth()) {
              held += e.getValue();
            }
          }
          UnitStatus s = ComplianceRules.status(u, held, r.minCount(), today);
          switch (s) {
            case MET -> {
              t[0]++;
              t[1]++;
            }
            case MISSING -> {
              t[0]++;
              t[2]++;
              missingUnits.add(r.meetingType() + " " + u.label());
            }
            case OPEN -> {
              t[0]++;
              t[3]++;
            }
            case NOT_DUE -> {}
          }
        }
      }
      if (missingUnits.isEmpty()) {
        compliant++;
      } else {
        gaps.add(new OrgGap(o.orgId(), o.name(), o.orgType(), missingUnits));
      }
    }
    gaps.sort(
        Comparator.comparingInt((OrgGap g) -> -g.missing().size()).thenComparing(OrgGap::orgName));
    long due = 0, met = 0, missing = 0, open = 0;
    List<TypeSummary> types = new ArrayList<>();
    for (Map.Entry<String, long[]> e : byType.entrySet()) {
      long[] t = e.getValue();
      due += t[0];
      met += t[1];
      missing += t[2];
      open += t[3];
      types.add(
          new TypeSummary(
              e.getKey(),
              unitOf.get(e.getKey()),
              (int) t[4],
              t[0],
              t[1],
              t[2],
              t[3],
              ComplianceRules.rate(t[1], t[0])));
    }
    return new Summary(
        root.orgId(),
        period.label(),
        period.from(),
        period.to(),
        today,
        orgs.size(),
        compliant,
        due,
        met,
        missing,
        open,
        ComplianceRules.rate(met, due),
        types,
        gaps.size() > MAX_GAPS ? List.copyOf(gaps.subList(0, MAX_GAPS)) : gaps,
        gaps.size());
  }

  /** Committee seats reported by member-service (committee.changed) for orgs in the subtree. */
  private Map<UUID, Integer> seatsUnder(String path) {
    Map<UUID, Integer> result = new HashMap<>();
    jdbc.query(
        "SELECT s.org_id, s.seats FROM org_secretary s JOIN proj_org o ON o.org_id = s.org_id"
            + " WHERE o.path LIKE ?",
        rs -> {
          result.put(uuid(rs.getBytes(1)), rs.getInt(2));
        },
        like(path));
    return result;
  }

  private Map<UUID, Integer> seatsOf(List<UUID> orgs) {
    Map<UUID, Integer> result = new HashMap<>();
    for (UUID org : orgs) {
      jdbc.query(
          "SELECT seats FROM org_secretary WHERE org_id = ?",
          rs -> {
            result.put(org, rs.getInt(1));
          },
          (Object) bytes(org));
    }
    return result;
  }

  static String like(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
