package cn.dangjian.assessment.accountability;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.accountability.AccountabilityViews.Case;
import cn.dangjian.platform.projection.MemberProjection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** accountability_case, and the bottom-band history it is opened from (cycle_result). */
@Repository
class AccountabilityStore {

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

  /** An org in a cycle's bottom band. */
  record Candidate(UUID orgId, String path, String name) {}

  /** A case with the path of its org (for the scope check). */
  record Located(Case value, String orgPath) {}

  private final JdbcTemplate jdbc;

  AccountabilityStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The cycle's bottom-band orgs that have no case for it yet. */
  List<Candidate> bottomWithoutCase(UUID cycleId) {
    return jdbc.query(
        "SELECT r.org_id, co.org_path, co.org_name FROM cycle_result r JOIN cycle_org co ON"
            + " co.cycle_id = r.cycle_id AND co.org_id = r.org_id WHERE r.cycle_id = ? AND"
            + " r.weak_candidate AND NOT EXISTS (SELECT 1 FROM accountability_case a WHERE"
            + " a.org_id = r.org_id AND a.cycle_id = r.cycle_id)",
        (rs, n) -> new Candidate(uuid(rs.getBytes(1)), rs.getString(2), rs.getString(3)),
        bytes(cycleId));
  }

  /** The latest published annual cycle of a year in which the org was in the bottom band. */
  Optional<UUID> bottomAnnualCycle(UUID orgId, int year) {
    return jdbc
        .query(
            "SELECT r.cycle_id FROM cycle_result r JOIN assessment_cycle pc ON pc.id ="
                + " r.cycle_id WHERE r.org_id = ? AND r.weak_candidate AND pc.kind = 'ANNUAL'"
                + " AND pc.status = 'PUBLISHED' AND pc.assess_year = ? ORDER BY"
                + " pc.published_at DESC LIMIT 1",
            (rs, n) -> uuid(rs.getBytes(1)),
            bytes(orgId),
            year)
        .stream()
        .findFirst();
  }

  void insert(
      UUID id,
      Candidate org,
      UUID cycleId,
      UUID previousCycleId,
      int years,
      String band,
      LocalDate talkBy,
      LocalDate rectifyBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO accountability_case (id, org_id, org_path, cycle_id, previous_cycle_id,"
            + " years, band, talk_by, rectify_by, status, row_version, created_at) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?,?,?)",
        bytes(id),
        bytes(org.orgId()),
        org.path(),
        bytes(cycleId),
        bytes(previousCycleId),
        years,
        band,
        talkBy,
        rectifyBy,
        AccountabilityService.TALK_DUE,
        0L,
        Timestamp.from(at));
  }

  /** The newest 500 cases of orgs under a path (null: every case). */
  List<Case> under(String path) {
    if (path == null) {
      return jdbc.query(
          "SELECT " + COLUMNS + " FROM accountability_case ORDER BY created_at DESC LIMIT 500",
          CASE);
    }
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM accountability_case WHERE org_path LIKE ? ORDER BY created_at DESC LIMIT 500",
        CASE,
        MemberProjection.prefixPattern(path));
  }

  Optional<Located> find(UUID id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM accountability_case WHERE id = ?",
            (rs, n) -> new Located(CASE.mapRow(rs, n), rs.getString(17)),
            bytes(id))
        .stream()
        .findFirst();
  }

  /** Serialises changes to one case (held until the transaction ends). */
  void lock(UUID id) {
    jdbc.queryForList("SELECT id FROM accountability_case WHERE id = ? FOR UPDATE", bytes(id));
  }

  void recordTalk(UUID id, LocalDate heldOn, String by, String record) {
    jdbc.update(
        "UPDATE accountability_case SET status = ?, talk_held_on = ?, talk_by_name = ?,"
            + " talk_record = ?, row_version = row_version + 1 WHERE id = ?",
        AccountabilityService.RECTIFYING,
        heldOn,
        by,
        record,
        bytes(id));
  }

  void recordOutcome(UUID id, String outcome, LocalDate on, String note) {
    jdbc.update(
        "UPDATE accountability_case SET status = ?, outcome = ?, outcome_on = ?, outcome_note = ?,"
            + " row_version = row_version + 1 WHERE id = ?",
        AccountabilityService.CLOSED,
        outcome,
        on,
        note,
        bytes(id));
  }
}
