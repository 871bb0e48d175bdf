package cn.dangjian.orglife.appraisal;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.appraisal.AppraisalViews.GradeView;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Members' appraisal grades, one per member and year. */
@Repository
class AppraisalStore {

  private final JdbcTemplate jdbc;

  AppraisalStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks a branch's grades for the year until the transaction ends. */
  void lock(UUID orgId, int year) {
    jdbc.queryForList(
        "SELECT id FROM appraisal WHERE org_id = ? AND appraisal_year = ? FOR UPDATE",
        bytes(orgId),
        year);
  }

  /** The branch's current grades for the year. */
  Map<UUID, Grade> current(UUID orgId, int year) {
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

  /**
   * Stores a member's grade for the year (replacing an earlier one, wherever it was given); returns
   * the id of the stored grade.
   */
  UUID grade(
      UUID memberId,
      int year,
      UUID orgId,
      String orgPath,
      Grade grade,
      UUID meetingId,
      String by,
      Instant at) {
    jdbc.update(
        "INSERT INTO appraisal (id, member_id, appraisal_year, org_id, org_path, grade,"
            + " meeting_id, graded_by, graded_at) VALUES (?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY"
            + " UPDATE org_id = VALUES(org_id), org_path = VALUES(org_path), grade ="
            + " VALUES(grade), meeting_id = VALUES(meeting_id), graded_by = VALUES(graded_by),"
            + " graded_at = VALUES(graded_at)",
        bytes(UuidV7.next()),
        bytes(memberId),
        year,
        bytes(orgId),
        orgPath,
        grade.name(),
        bytes(meetingId),
        by,
        Timestamp.from(at));
    return jdbc.queryForObject(
        "SELECT id FROM appraisal WHERE member_id = ? AND appraisal_year = ?",
        (rs, n) -> uuid(rs.getBytes(1)),
        bytes(memberId),
        year);
  }

  List<GradeView> grades(UUID orgId, int year) {
    return jdbc.query(
        "SELECT member_id, grade, meeting_id FROM appraisal WHERE org_id = ? AND"
            + " appraisal_year = ? ORDER BY grade, member_id",
        (rs, n) -> {
          Grade g = Grade.valueOf(rs.getString(2));
          return new GradeView(uuid(rs.getBytes(1)), year, g, g.label(), uuid(rs.getBytes(3)));
        },
        bytes(orgId),
        year);
  }
}
