package cn.dangjian.dues.meeting;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.support.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code dues_meeting} rows, and the one read the ledger makes of them. */
@Repository
public class MeetingStore {

  private final JdbcTemplate jdbc;

  MeetingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A meeting by id, cancelled ones included (the caller decides what that means). */
  public Optional<KnownMeeting> find(UUID meetingId) {
    return jdbc
        .query(
            "SELECT meeting_id, org_id, meeting_type, held_on, status FROM dues_meeting"
                + " WHERE meeting_id = ?",
            (rs, n) ->
                new KnownMeeting(
                    uuid(rs.getBytes("meeting_id")),
                    uuid(rs.getBytes("org_id")),
                    rs.getString("meeting_type"),
                    rs.getObject("held_on", LocalDate.class),
                    rs.getString("status")),
            bytes(meetingId))
        .stream()
        .findFirst();
  }

  /** Stores the record unless a newer version of it is known already. */
  void save(
      UUID meetingId,
      UUID orgId,
      String type,
      LocalDate heldOn,
      String status,
      int version,
      Instant now) {
    jdbc.update(
        "INSERT INTO dues_meeting (meeting_id, org_id, meeting_type, held_on, status,"
            + " record_version, updated_at) VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE"
            + " org_id = IF(VALUES(record_version) >= record_version, VALUES(org_id), org_id),"
            + " meeting_type = IF(VALUES(record_version) >= record_version, VALUES(meeting_type),"
            + " meeting_type),"
            + " held_on = IF(VALUES(record_version) >= record_version, VALUES(held_on), held_on),"
            + " status = IF(status = 'CANCELLED' OR VALUES(record_version) < record_version,"
            + " status, VALUES(status)),"
            + " updated_at = VALUES(updated_at),"
            + " record_version = GREATEST(record_version, VALUES(record_version))",
        bytes(meetingId),
        bytes(orgId),
        type,
        heldOn,
        status,
        version,
        Times.utc(now));
  }

  /** The meeting was called off: it decides nothing (a row is kept so a late record stays off). */
  void cancel(UUID meetingId, UUID orgId, String type, LocalDate heldOn, Instant now) {
    jdbc.update(
        "INSERT INTO dues_meeting (meeting_id, org_id, meeting_type, held_on, status,"
            + " record_version, updated_at) VALUES (?,?,?,?,'CANCELLED',0,?) ON DUPLICATE KEY"
            + " UPDATE status = 'CANCELLED', updated_at = VALUES(updated_at)",
        bytes(meetingId),
        bytes(orgId),
        type,
        heldOn,
        Times.utc(now));
  }
}
