package cn.dangjian.orglife.meeting;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.orglife.meeting.MeetingRequests.RevisionView;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit trail of corrections: each approved version as it was before it was corrected. */
@Repository
class RevisionStore {

  private final JdbcTemplate jdbc;

  RevisionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void save(
      UUID meetingId, int recordVersion, String snapshot, String reason, String by, Instant at) {
    jdbc.update(
        "INSERT INTO meeting_revision (id, meeting_id, record_version, snapshot, reason,"
            + " changed_by, changed_at) VALUES (?,?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(meetingId),
        recordVersion,
        snapshot,
        reason,
        by,
        Timestamp.from(at));
  }

  List<RevisionView> of(UUID meetingId) {
    return jdbc.query(
        "SELECT record_version, reason, changed_by, changed_at, snapshot FROM meeting_revision"
            + " WHERE meeting_id = ? ORDER BY record_version",
        (rs, n) ->
            new RevisionView(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5)),
        (Object) bytes(meetingId));
  }
}
