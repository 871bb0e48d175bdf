package cn.dangjian.orglife.meeting;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.persistence.UuidV7;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The attendance rows of meetings (bulk reads and writes with plain SQL). */
@Repository
class AttendanceStore {

  private final JdbcTemplate jdbc;

  AttendanceStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces a meeting's rows. */
  void replace(UUID meetingId, Collection<AttendanceRow> rows) {
    jdbc.update("DELETE FROM meeting_attendance WHERE meeting_id = ?", (Object) bytes(meetingId));
    insert(meetingId, rows);
  }

  /**
   * The first rows of a new meeting. No DELETE first: on a meeting id that has no rows yet (new
   * UUIDv7 ids sort last) it would take a gap lock at the end of the index that every other new
   * meeting's inserts wait for, and concurrent plans in one service deadlock.
   */
  void insert(UUID meetingId, Collection<AttendanceRow> rows) {
    List<Object[]> args = new ArrayList<>();
    for (AttendanceRow r : rows) {
      args.add(
          new Object[] {
            bytes(UuidV7.next()),
            bytes(meetingId),
            bytes(r.memberId()),
            r.expected(),
            r.canVote(),
            r.present(),
            r.absenceReason() == null ? null : r.absenceReason().name(),
            r.excludedFromBase(),
            r.note()
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO meeting_attendance (id, meeting_id, member_id, expected, can_vote, present,"
            + " absence_reason, excluded_from_base, note) VALUES (?,?,?,?,?,?,?,?,?)",
        args);
  }

  List<AttendanceRow> of(UUID meetingId) {
    return jdbc.query(
        "SELECT member_id, expected, can_vote, present, absence_reason, excluded_from_base, note"
            + " FROM meeting_attendance WHERE meeting_id = ? ORDER BY expected DESC, member_id",
        (rs, n) -> {
          boolean present = rs.getBoolean("present");
          Boolean presentOrNull = rs.wasNull() ? null : present;
          String reason = rs.getString("absence_reason");
          return new AttendanceRow(
              uuid(rs.getBytes("member_id")),
              rs.getBoolean("expected"),
              rs.getBoolean("can_vote"),
              presentOrNull,
              reason == null ? null : AbsenceReason.valueOf(reason),
              rs.getBoolean("excluded_from_base"),
              rs.getString("note"));
        },
        (Object) bytes(meetingId));
  }
}
