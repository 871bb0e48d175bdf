package cn.dangjian.orglife.appraisal;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.events.EventTypes;
import cn.dangjian.events.orglife.AppraisalGraded;
import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grades of the yearly democratic appraisal, with the ≤ 1/3 优秀 limit per branch. */
@Service
public class AppraisalService {

  private final JdbcTemplate jdbc;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final OrgLifeProperties properties;
  private final Clock clock;

  AppraisalService(
      JdbcTemplate jdbc,
      MemberProjection projection,
      DomainEventPublisher events,
      OrgLifeProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.projection = projection;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "一名党员的评议等次 (a member's grade)")
  public record GradeView(
      UUID memberId, int year, Grade grade, String gradeLabel, UUID meetingId) {}

  @Schema(description = "支部年度评议结果 (a branch's grades for a year)")
  public record BranchGrades(
      UUID orgId,
      int year,
      @Schema(description = "正式党员数") int fullMembers,
      @Schema(description = "优秀名额上限") int maxExcellent,
      List<GradeView> grades) {}

  /**
   * Grades members of a branch for a year (re-grading replaces a grade). Probationary members take
   * part but are not graded; after the change at most a third of the full members are 优秀.
   */
  @Transactional
  public BranchGrades grade(
      UUID orgId, int year, UUID meetingId, Map<UUID, Grade> grades, DataScope scope, String by) {
    if (year > LocalDate.now(clock.withZone(properties.getZone())).getYear()) {
      throw ProblemException.businessRule("appraisal-year-not-in-future", "appraisal.rule.year");
    }
    ProjectedOrg org =
        projection
            .org(orgId)
            .filter(o -> scope.coversPath(o.path()))
            .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    // lock the branch's grades for the year so that two graders cannot both take the last 优秀
    jdbc.queryForList(
        "SELECT id FROM appraisal WHERE org_id = ? AND appraisal_year = ? FOR UPDATE",
        bytes(orgId),
        year);
    Map<UUID, ProjectedMember> members =
        projection.membersOf(orgId).stream()
            .filter(m -> m.active() && m.admitted())
            .collect(Collectors.toMap(ProjectedMember::memberId, Function.identity()));
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
    Map<UUID, Grade> after = new HashMap<>(current(orgId, year));
    after.putAll(grades);
    int full = (int) members.values().stream().filter(ProjectedMember::formal).count();
    int excellent = (int) after.values().stream().filter(g -> g == Grade.EXCELLENT).count();
    AppraisalRules.checkExcellentShare(full, excellent);
    for (Map.Entry<UUID, Grade> e : grades.entrySet()) {
      ProjectedMember m = members.get(e.getKey());
      UUID id = UuidV7.next();
      jdbc.update(
          "INSERT INTO appraisal (id, member_id, appraisal_year, org_id, org_path, grade,"
              + " meeting_id, graded_by, graded_at) VALUES (?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY"
              + " UPDATE org_id = VALUES(org_id), org_path = VALUES(org_path), grade ="
              + " VALUES(grade), meeting_id = VALUES(meeting_id), graded_by = VALUES(graded_by),"
              + " graded_at = VALUES(graded_at)",
          bytes(id),
          bytes(m.memberId()),
          year,
          bytes(orgId),
          org.path(),
          e.getValue().name(),
          bytes(meetingId),
          by,
          Timestamp.from(clock.instant()));
      UUID stored =
          jdbc.queryForObject(
              "SELECT id FROM appraisal WHERE member_id = ? AND appraisal_year = ?",
              (rs, n) -> uuid(rs.getBytes(1)),
              bytes(m.memberId()),
              year);
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
    projection
        .org(orgId)
        .filter(o -> scope.coversPath(o.path()))
        .orElseThrow(() -> ProblemException.notFound("org.not-found", orgId));
    int full =
        (int) projection.membersOf(orgId).stream().filter(m -> m.active() && m.formal()).count();
    return view(orgId, year, full);
  }

  private BranchGrades view(UUID orgId, int year, int full) {
    List<GradeView> list =
        jdbc.query(
            "SELECT member_id, grade, meeting_id FROM appraisal WHERE org_id = ? AND"
                + " appraisal_year = ? ORDER BY grade, member_id",
            (rs, n) -> {
              Grade g = Grade.valueOf(rs.getString(2));
              return new GradeView(uuid(rs.getBytes(1)), year, g, g.label(), uuid(rs.getBytes(3)));
            },
            bytes(orgId),
            year);
    return new BranchGrades(orgId, year, full, AppraisalRules.maxExcellent(full), list);
  }

  private Map<UUID, Grade> current(UUID orgId, int year) {
    Map<UUID, Grade> result = new HashMap<>();
    Set<UUID> seen = new HashSet<>();
    jdbc.query(
        "SELECT member_id, grade FROM appraisal WHERE org_id = ? AND appraisal_year = ?",
        rs -> {
          UUID id = uuid(rs.getBytes(1));
          if (seen.add(id)) {
            result.put(id, Grade.valueOf(rs.getString(2)));
          }
        },
        bytes(orgId),
        year);
    return result;
  }
}
