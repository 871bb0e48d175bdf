package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Work to do later: meeting reminders still to come and subtree fan-outs still running. */
@Repository
class ScheduleStore {

  record Meeting(
      UUID meetingId,
      UUID orgId,
      String meetingType,
      LocalDateTime startsAt,
      List<UUID> expected) {}

  record Fanout(
      UUID id,
      NotificationKind kind,
      String dedupKey,
      String orgPath,
      String title,
      String body,
      @Nullable String link,
      String cursor) {}

  private final JdbcTemplate jdbc;

  ScheduleStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A planned meeting (a re-plan moves its reminder; a cancelled one stays cancelled). */
  void meetingPlanned(
      UUID meetingId,
      UUID orgId,
      String meetingType,
      LocalDateTime startsAt,
      Instant remindAt,
      boolean remind,
      List<UUID> expected) {
    String ids = String.join(",", expected.stream().map(UUID::toString).toList());
    jdbc.update(
        "INSERT INTO notification_meeting (meeting_id, org_id, meeting_type, starts_at, remind_at,"
            + " expected_member_ids, reminded) VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE"
            + " meeting_type = VALUES(meeting_type), starts_at = VALUES(starts_at),"
            + " remind_at = VALUES(remind_at), expected_member_ids = VALUES(expected_member_ids),"
            + " reminded = reminded OR VALUES(reminded)",
        bytes(meetingId),
        bytes(orgId),
        meetingType,
        startsAt,
        Timestamp.from(remindAt),
        ids,
        !remind);
  }

  /** Called off: no reminder, even if the cancellation arrives before the plan. */
  void meetingCancelled(UUID meetingId, UUID orgId, String meetingType, LocalDateTime startsAt) {
    jdbc.update(
        "INSERT INTO notification_meeting (meeting_id, org_id, meeting_type, starts_at, remind_at,"
            + " expected_member_ids, cancelled) VALUES (?,?,?,?,?,'',TRUE)"
            + " ON DUPLICATE KEY UPDATE cancelled = TRUE",
        bytes(meetingId),
        bytes(orgId),
        meetingType,
        startsAt,
        Timestamp.valueOf(startsAt));
  }

  List<Meeting> remindersDue(Instant now, int limit) {
    return jdbc.query(
        "SELECT meeting_id, org_id, meeting_type, starts_at, expected_member_ids"
            + " FROM notification_meeting WHERE reminded = FALSE AND cancelled = FALSE"
            + " AND remind_at <= ? ORDER BY remind_at LIMIT ?",
        (rs, i) ->
            new Meeting(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getString(3),
                rs.getTimestamp(4).toLocalDateTime(),
                Arrays.stream(rs.getString(5).split(","))
                    .filter(s -> !s.isBlank())
                    .map(UUID::fromString)
                    .toList()),
        Timestamp.from(now),
        limit);
  }

  void reminded(UUID meetingId) {
    jdbc.update(
        "UPDATE notification_meeting SET reminded = TRUE WHERE meeting_id = ?", bytes(meetingId));
  }

  /** Queues a subtree fan-out once per dedup key. */
  void fanout(
      NotificationKind kind,
      String dedupKey,
      String orgPath,
      String title,
      String body,
      @Nullable String link,
      Instant now) {
    jdbc.update(
        "INSERT INTO notification_fanout (id, kind, dedup_key, org_path, title, body, link,"
            + " created_at) VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE id = id",
        bytes(UuidV7.next()),
        kind.name(),
        dedupKey,
        orgPath,
        title,
        body,
        link,
        Timestamp.from(now));
  }

  List<Fanout> pendingFanouts(int limit) {
    return jdbc.query(
        "SELECT id, kind, dedup_key, org_path, title, body, link, cursor_path"
            + " FROM notification_fanout WHERE done = FALSE ORDER BY created_at LIMIT ?",
        (rs, i) ->
            new Fanout(
                uuid(rs.getBytes(1)),
                NotificationKind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8)),
        limit);
  }

  void fanoutProgress(UUID id, String cursor, boolean done) {
    jdbc.update(
        "UPDATE notification_fanout SET cursor_path = ?, done = ? WHERE id = ?",
        cursor,
        done,
        bytes(id));
  }
}
