package cn.dangjian.orglife.attendance;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.orglife.attendance.AttendanceViews.Entry;
import cn.dangjian.orglife.meeting.AbsenceReason;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a member's rows from the meetings' attendance (written by the meeting module). */
@Repository
class AttendanceHistoryStore {

  private final JdbcTemplate jdbc;

  AttendanceHistoryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every recorded meeting held between the dates the member was expected at or attended. */
  List<Entry> entries(UUID memberId, LocalDate from, LocalDate to) {
    return jdbc.query(
        "SELECT m.id, m.org_id, m.meeting_type, m.held_on, m.status, a.expected, a.present,"
            + " a.absence_reason FROM meeting_attendance a JOIN meeting m ON m.id ="
            + " a.meeting_id WHERE a.member_id = ? AND m.held_on BETWEEN ? AND ? AND m.status"
            + " NOT IN ('PLANNED','CANCELLED') ORDER BY m.held_on, m.starts_at",
        (rs, n) -> {
          String reason = rs.getString(8);
          return new Entry(
              uuid(rs.getBytes(1)),
              uuid(rs.getBytes(2)),
              rs.getString(3),
              rs.getDate(4).toLocalDate(),
              rs.getString(5),
              rs.getBoolean(6),
              rs.getBoolean(7),
              reason == null ? null : AbsenceReason.valueOf(reason));
        },
        bytes(memberId),
        java.sql.Date.valueOf(from),
        java.sql.Date.valueOf(to));
  }
}
