package cn.dangjian.orglife.compliance;

import cn.dangjian.orglife.compliance.ComplianceViews.Requirement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The frequency requirements per org type and meeting type (frequency_requirement). */
@Repository
class RequirementStore {

  private final JdbcTemplate jdbc;

  RequirementStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Requirement> all() {
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

  /** Adds a requirement unless one exists for the pair; returns the rows inserted (0 or 1). */
  int insert(
      String orgType,
      String meetingType,
      PeriodUnit unit,
      int minCount,
      boolean enabled,
      String basis,
      String by,
      Instant at) {
    return jdbc.update(
        "INSERT IGNORE INTO frequency_requirement VALUES (?,?,?,?,?,?,?,?,0)",
        orgType,
        meetingType,
        unit.name(),
        minCount,
        enabled,
        basis,
        by,
        Timestamp.from(at));
  }

  /**
   * Changes a requirement at the given version (a null basis keeps the old one); returns the rows
   * changed (0 when the version is stale or the pair unknown).
   */
  int update(
      String orgType,
      String meetingType,
      PeriodUnit unit,
      int minCount,
      boolean enabled,
      String basis,
      long version,
      String by,
      Instant at) {
    return jdbc.update(
        "UPDATE frequency_requirement SET period_unit = ?, min_count = ?, enabled = ?, basis"
            + " = COALESCE(?, basis), updated_by = ?, updated_at = ?, version = version + 1"
            + " WHERE org_type = ? AND meeting_type = ? AND version = ?",
        unit.name(),
        minCount,
        enabled,
        basis,
        by,
        Timestamp.from(at),
        orgType,
        meetingType,
        version);
  }
}
