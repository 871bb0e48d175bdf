package cn.dangjian.assessment.points;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.points.PointsLedger.Rule;
import cn.dangjian.assessment.points.PointsViews.Setting;
import cn.dangjian.assessment.points.PointsViews.Volunteer;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** points_rule, points_setting and volunteer_record: the rule table, the switches, volunteering. */
@Repository
class PointsStore {

  private final JdbcTemplate jdbc;

  PointsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- the rule table

  Optional<Rule> rule(PointsAction action) {
    return jdbc
        .query(
            "SELECT action, name, points, per_unit, daily_cap, enabled, row_version FROM"
                + " points_rule WHERE action = ?",
            (rs, n) ->
                new Rule(
                    PointsAction.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getBigDecimal(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getBoolean(6),
                    rs.getLong(7)),
            action.name())
        .stream()
        .findFirst();
  }

  /** False when the row is no longer at the expected version. */
  boolean updateRule(
      PointsAction action,
      long expectedVersion,
      BigDecimal points,
      BigDecimal dailyCap,
      boolean enabled,
      String updatedBy,
      Instant at) {
    return jdbc.update(
            "UPDATE points_rule SET points = ?, daily_cap = ?, enabled = ?, updated_by = ?,"
                + " updated_at = ?, row_version = row_version + 1 WHERE action = ? AND"
                + " row_version = ?",
            points,
            dailyCap,
            enabled,
            updatedBy,
            Timestamp.from(at),
            action.name(),
            expectedVersion)
        == 1;
  }

  // --- the per-org switch

  /** The setting nearest up the tree from an org's path, as it applies to that org. */
  Optional<Setting> nearestSetting(UUID orgId, String orgPath) {
    // the org's own version comes along in the same round trip: the points ledger reads the
    // setting for every credited action, the API needs the version for If-Match
    return jdbc
        .query(
            "SELECT s.org_id, s.points_enabled, s.ranking_enabled, COALESCE((SELECT o.row_version"
                + " FROM points_setting o WHERE o.org_id = ?), 0) FROM points_setting s WHERE ?"
                + " LIKE CONCAT(s.org_path, '%') ORDER BY LENGTH(s.org_path) DESC LIMIT 1",
            (rs, n) ->
                new Setting(
                    orgId, rs.getBoolean(2), rs.getBoolean(3), uuid(rs.getBytes(1)), rs.getLong(4)),
            bytes(orgId),
            orgPath)
        .stream()
        .findFirst();
  }

  /**
   * Sets an org's own switch if its version is still the one expected (0: it has none yet); false
   * when someone else changed it first.
   */
  boolean saveSetting(
      UUID orgId,
      String orgPath,
      long expectedVersion,
      boolean points,
      boolean ranking,
      String by,
      Instant at) {
    int updated =
        jdbc.update(
            "UPDATE points_setting SET org_path = ?, points_enabled = ?, ranking_enabled = ?,"
                + " updated_by = ?, updated_at = ?, row_version = row_version + 1 WHERE org_id = ?"
                + " AND row_version = ?",
            orgPath,
            points,
            ranking,
            by,
            Timestamp.from(at),
            bytes(orgId),
            expectedVersion);
    if (updated == 1 || expectedVersion != 0) {
      return updated == 1;
    }
    try {
      jdbc.update(
          "INSERT INTO points_setting (org_id, org_path, points_enabled, ranking_enabled,"
              + " updated_by, updated_at, row_version) VALUES (?,?,?,?,?,?,1)",
          bytes(orgId),
          orgPath,
          points,
          ranking,
          by,
          Timestamp.from(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false; // set at the same moment by someone else
    }
  }

  // --- volunteer service

  void insertVolunteer(Volunteer v, String orgPath, Instant at) {
    jdbc.update(
        "INSERT INTO volunteer_record (id, member_id, org_id, org_path, served_on, hours,"
            + " description, status, entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        bytes(v.id()),
        bytes(v.memberId()),
        bytes(v.orgId()),
        orgPath,
        v.servedOn(),
        v.hours(),
        v.description(),
        v.status(),
        v.enteredBy(),
        Timestamp.from(at));
  }

  Optional<Volunteer> volunteer(UUID id) {
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
        .findFirst();
  }

  /** Serialises decisions on one record (held until the transaction ends). */
  void lockVolunteer(UUID id) {
    jdbc.queryForList("SELECT id FROM volunteer_record WHERE id = ? FOR UPDATE", bytes(id));
  }

  void decideVolunteer(UUID id, String status, String decidedBy, Instant at) {
    jdbc.update(
        "UPDATE volunteer_record SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        status,
        decidedBy,
        Timestamp.from(at),
        bytes(id));
  }
}
