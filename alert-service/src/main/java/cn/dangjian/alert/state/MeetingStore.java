package cn.dangjian.alert.state;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.persistence.Uuids;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The org-life meetings and their attendance as the rules count them (org_meeting, attendance). */
@Repository
public class MeetingStore {

  private final JdbcTemplate jdbc;

  MeetingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void cancelled(UUID meetingId) {
    jdbc.update(
        "UPDATE org_meeting SET status = 'CANCELLED' WHERE meeting_id = ?", bytes(meetingId));
  }

  /** The record version known of a meeting, if any. */
  public Optional<Integer> knownVersion(UUID meetingId) {
    return jdbc
        .query(
            "SELECT record_version FROM org_meeting WHERE meeting_id = ?",
            (rs, n) -> rs.getInt(1),
            bytes(meetingId))
        .stream()
        .findFirst();
  }

  public void upsert(MeetingRecordChanged e) {
    jdbc.update(
        "INSERT INTO org_meeting"
            + " (meeting_id, org_id, meeting_type, held_on, status, counted, record_version)"
            + " VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE meeting_type = VALUES(meeting_type),"
            + " held_on = VALUES(held_on), status = VALUES(status), counted = VALUES(counted),"
            + " record_version = VALUES(record_version)",
        bytes(e.meetingId()),
        bytes(e.orgId()),
        e.meetingType(),
        e.heldOn(),
        e.status(),
        e.counts(),
        e.recordVersion());
  }

  /** Removes a meeting's attendance rows, adding the members they were about to {@code into}. */
  public void clearAttendance(UUID meetingId, Set<UUID> into) {
    jdbc.query(
        "SELECT member_id FROM meeting_attendance WHERE meeting_id = ?",
        rs -> {
          into.add(Uuids.uuid(rs.getBytes(1)));
        },
        bytes(meetingId));
    jdbc.update("DELETE FROM meeting_attendance WHERE meeting_id = ?", bytes(meetingId));
  }

  public void attendance(MeetingRecordChanged e, UUID member, boolean attended, String reason) {
    jdbc.update(
        "INSERT INTO meeting_attendance (meeting_id, member_id, held_on, attended, reason)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE attended = VALUES(attended),"
            + " reason = VALUES(reason)",
        bytes(e.meetingId()),
        bytes(member),
        e.heldOn(),
        attended,
        reason);
  }
}
