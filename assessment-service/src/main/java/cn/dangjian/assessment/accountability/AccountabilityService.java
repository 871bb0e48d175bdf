package cn.dangjian.assessment.accountability;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.cycle.Cycle;
import cn.dangjian.assessment.cycle.CycleKind;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.AccountabilityTriggered;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.scope.DataScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 连续两年排名靠后 → 提醒谈话、限期整改: after an annual cycle is published, each org in its peer group's bottom
 * band that was also there in the previous years' annual cycles gets a case and an {@code
 * assessment.accountability-triggered} event; the talk and the outcome are recorded here.
 */
@Service
public class AccountabilityService {

  public static final String TALK_DUE = "TALK_DUE";
  public static final String RECTIFYING = "RECTIFYING";
  public static final String CLOSED = "CLOSED";

  private final JdbcTemplate jdbc;
  private final Access access;
  private final DomainEventPublisher events;
  private final AssessmentProperties properties;
  private final Clock clock;

  AccountabilityService(
      JdbcTemplate jdbc,
      Access access,
      DomainEventPublisher events,
      AssessmentProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  @Schema(description = "问责事项：提醒谈话与限期整改 (an accountability case)")
  public record Case(
      UUID id,
      UUID orgId,
      UUID cycleId,
      UUID previousCycleId,
      int years,
      String band,
      LocalDate talkBy,
      LocalDate rectifyBy,
      @Schema(description = "TALK_DUE 待谈话 / RECTIFYING 整改中 / CLOSED 已办结") String status,
      LocalDate talkHeldOn,
      String talkHeldBy,
      String talkRecord,
      @Schema(description = "RECTIFIED 已整改 / NOT_RECTIFIED 未整改") String outcome,
      String outcomeNote,
      LocalDate outcomeOn,
      long rowVersion) {}

  private static final String COLUMNS =
      "id, org_id, cycle_id, previous_cycle_id, years, band, talk_by, rectify_by, status,"
          + " talk_held_on, talk_by_name, talk_record, outcome, outcome_note, outcome_on,"
          + " row_version, org_path";

  private static final RowMapper<Case> CASE =
      (rs, n) ->
          new Case(
              uuid(rs.getBytes(1)),
              uuid(rs.getBytes(2)),
              uuid(rs.getBytes(3)),
              uuid(rs.getBytes(4)),
              rs.getInt(5),
              rs.getString(6),
              rs.getObject(7, LocalDate.class),
              rs.getObject(8, LocalDate.class),
              rs.getString(9),
              rs.getObject(10, LocalDate.class),
              rs.getString(11),
              rs.getString(12),
              rs.getString(13),
              rs.getString(14),
              rs.getObject(15, LocalDate.class),
              rs.getLong(16));

  /** Called in the publishing transaction; a re-publication adds only cases not yet opened. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int afterPublication(Cycle cycle) {
    if (cycle.kind() != CycleKind.ANNUAL) {
      return 0; // 连续两年: annual cycles only
    }
    int needed = Math.max(2, properties.getAccountabilityYears());
    LocalDate today = LocalDate.now(clock.withZone(properties.getZone()));
    LocalDate talkBy = today.plusDays(properties.getTalkWithinDays());
    LocalDate rectifyBy = today.plusDays(properties.getRectifyWithinDays());
    // alert-service writes "排在后{band}": the band itself is "10%"
    String band = cycle.bottomPercent().stripTrailingZeros().toPlainString() + "%";
    record Candidate(UUID orgId, String path, String name) {}
    List<Candidate> bottom =
        jdbc.query(
            "SELECT r.org_id, co.org_path, co.org_name FROM cycle_result r JOIN cycle_org co ON"
                + " co.cycle_id = r.cycle_id AND co.org_id = r.org_id WHERE r.cycle_id = ? AND"
                + " r.weak_candidate AND NOT EXISTS (SELECT 1 FROM accountability_case a WHERE"
                + " a.org_id = r.org_id AND a.cycle_id = r.cycle_id)",
            (rs, n) -> new Candidate(uuid(rs.getBytes(1)), rs.getString(2), rs.getString(3)),
            bytes(cycle.id()));
    int opened = 0;
    for (Candidate c : bottom) {
      // walk back year by year through published annual cycles in which the org was at the bottom
      int years = 1;
      UUID previous = null;
      while (true) {
        List<UUID> earlier =
            jdbc.query(
                "SELECT r.cycle_id FROM cycle_result r JOIN assessment_cycle pc ON pc.id ="
                    + " r.cycle_id WHERE r.org_id = ? AND r.weak_candidate AND pc.kind = 'ANNUAL'"
                    + " AND pc.status = 'PUBLISHED' AND pc.assess_year = ? ORDER BY"
                    + " pc.published_at DESC LIMIT 1",
                (rs, n) -> uuid(rs.getBytes(1)),
                bytes(c.orgId()),
                cycle.year() - years);
        if (earlier.isEmpty()) {
          break;
        }
        if (previous == null) {
          previous = earlier.get(0);
        }
        years++;
      }
      if (years < needed) {
        continue;
      }
      UUID id = UuidV7.next();
      String detail =
          (cycle.year() - years + 1)
              + "—"
              + cycle.year()
              + "年度考核连续"
              + years
              + "年位于同类组织后"
              + band
              + "，启动提醒谈话、限期整改程序（"
              + c.name()
              + "）";
      jdbc.update(
          "INSERT INTO accountability_case (id, org_id, org_path, cycle_id, previous_cycle_id,"
              + " years, band, talk_by, rectify_by, status, row_version, created_at) VALUES"
              + " (?,?,?,?,?,?,?,?,?,?,?,?)",
          bytes(id),
          bytes(c.orgId()),
          c.path(),
          bytes(cycle.id()),
          bytes(previous),
          years,
          band,
          talkBy,
          rectifyBy,
          TALK_DUE,
          0L,
          Timestamp.from(clock.instant()));
      events.publish(
          EventTypes.ASSESSMENT_ACCOUNTABILITY_TRIGGERED,
          c.orgId().toString(),
          c.path(),
          new AccountabilityTriggered(
              id, c.orgId(), cycle.id(), previous, years, band, talkBy, rectifyBy, detail));
      opened++;
    }
    return opened;
  }

  @Transactional(readOnly = true)
  public List<Case> list(UUID orgId) {
    DataScope scope = access.scope();
    if (orgId != null) {
      String path = access.orgInScope(orgId).path();
      return jdbc.query(
          "SELECT "
              + COLUMNS
              + " FROM accountability_case WHERE org_path LIKE ? ORDER BY created_at DESC LIMIT 500",
          CASE,
          MemberProjection.prefixPattern(path));
    }
    return switch (scope.kind()) {
      case ALL ->
          jdbc.query(
              "SELECT " + COLUMNS + " FROM accountability_case ORDER BY created_at DESC LIMIT 500",
              CASE);
      case SUBTREE ->
          jdbc.query(
              "SELECT "
                  + COLUMNS
                  + " FROM accountability_case WHERE org_path LIKE ? ORDER BY created_at DESC LIMIT"
                  + " 500",
              CASE,
              MemberProjection.prefixPattern(scope.pathPrefix()));
      default -> List.of();
    };
  }

  @Transactional(readOnly = true)
  public Case get(UUID id) {
    DataScope scope = access.scope();
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM accountability_case WHERE id = ?",
            (rs, n) -> scope.coversPath(rs.getString(17)) ? CASE.mapRow(rs, n) : null,
            bytes(id))
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("accountability.not-found", id));
  }

  /** The reminder talk was held: who talked, when, what was said. */
  @Transactional
  public Case talk(UUID id, long expected, LocalDate heldOn, String by, String record) {
    Case c = locked(id, expected);
    if (!TALK_DUE.equals(c.status())) {
      throw ProblemException.businessRule("talk-already-recorded", "accountability.rule.talk-done");
    }
    if (heldOn.isAfter(LocalDate.now(clock.withZone(properties.getZone())))) {
      throw ProblemException.businessRule("talk-not-in-future", "accountability.rule.talk-future");
    }
    jdbc.update(
        "UPDATE accountability_case SET status = ?, talk_held_on = ?, talk_by_name = ?,"
            + " talk_record = ?, row_version = row_version + 1 WHERE id = ?",
        RECTIFYING,
        heldOn,
        by,
        record,
        bytes(id));
    return get(id);
  }

  /** The rectification was checked: rectified (销号) or not. */
  @Transactional
  public Case outcome(UUID id, long expected, String outcome, LocalDate on, String note) {
    Case c = locked(id, expected);
    if (!RECTIFYING.equals(c.status())) {
      throw ProblemException.businessRule(
          "outcome-after-talk", "accountability.rule.outcome-after-talk");
    }
    jdbc.update(
        "UPDATE accountability_case SET status = ?, outcome = ?, outcome_on = ?, outcome_note = ?,"
            + " row_version = row_version + 1 WHERE id = ?",
        CLOSED,
        outcome,
        on,
        note,
        bytes(id));
    return get(id);
  }

  private Case locked(UUID id, long expected) {
    Case c = get(id);
    access.orgAssessedByCaller(c.orgId()); // the talk is held from above, not by the org itself
    jdbc.queryForList("SELECT id FROM accountability_case WHERE id = ? FOR UPDATE", bytes(id));
    Case current = get(id);
    if (current.rowVersion() != expected) {
      throw ProblemException.preconditionFailed();
    }
    return c;
  }
}
