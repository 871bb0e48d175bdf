package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * External deliveries: claimed by a worker with {@code SELECT … FOR UPDATE SKIP LOCKED} and a lease
 * (so replicas never send one twice), their outcomes and the log of every attempt, the per-member
 * daily send counter, and the digest that merges held items.
 */
@Repository
class NotificationDeliveryStore {

  /** A delivery with what it sends (the notification's text, or the digest's own). */
  record Due(
      UUID id,
      @Nullable UUID notificationId,
      UUID memberId,
      NotificationKind kind,
      ExternalChannel channel,
      boolean urgent,
      int attempts,
      String title,
      String body,
      @Nullable String link) {}

  /** A delivery and its log, as the member's delivery view shows it. */
  record Row(
      UUID id,
      ExternalChannel channel,
      String status,
      int attempts,
      @Nullable Instant nextAttemptAt,
      @Nullable String lastCode,
      @Nullable String lastDetail,
      @Nullable UUID digestId,
      Instant createdAt,
      @Nullable Instant sentAt) {}

  record LogRow(
      @Nullable UUID deliveryId,
      @Nullable ExternalChannel channel,
      String event,
      int attempt,
      @Nullable String providerCode,
      @Nullable String detail,
      Instant at) {}

  record Held(UUID id, UUID notificationId, String title) {}

  private final JdbcTemplate jdbc;

  NotificationDeliveryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims due deliveries (call in a transaction): locked rows of other workers are skipped. */
  List<UUID> claim(Instant now, Instant leaseUntil, int limit) {
    List<UUID> ids =
        jdbc.query(
            "SELECT id FROM notification_delivery WHERE status IN ('QUEUED','DEFERRED')"
                + " AND for_digest = FALSE AND next_attempt_at <= ? ORDER BY next_attempt_at"
                + " LIMIT ? FOR UPDATE SKIP LOCKED",
            (rs, i) -> uuid(rs.getBytes(1)),
            Timestamp.from(now),
            limit);
    if (!ids.isEmpty()) {
      jdbc.update(
          "UPDATE notification_delivery SET next_attempt_at = ? WHERE id IN ("
              + NotificationStore.marks(ids.size())
              + ")",
          args(Timestamp.from(leaseUntil), ids));
    }
    return ids;
  }

  Optional<Due> due(UUID id) {
    return jdbc
        .query(
            "SELECT d.id, d.notification_id, d.member_id, d.kind, d.channel, d.urgent, d.attempts,"
                + " COALESCE(d.title, n.title), COALESCE(d.body, n.body), n.link"
                + " FROM notification_delivery d LEFT JOIN notification n ON n.id = d.notification_id"
                + " WHERE d.id = ?",
            (rs, i) ->
                new Due(
                    uuid(rs.getBytes(1)),
                    uuid(rs.getBytes(2)),
                    uuid(rs.getBytes(3)),
                    NotificationKind.valueOf(rs.getString(4)),
                    ExternalChannel.valueOf(rs.getString(5)),
                    rs.getBoolean(6),
                    rs.getInt(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10)),
            bytes(id))
        .stream()
        .findFirst();
  }

  /** Moves a delivery on and logs it; {@code attempts} is the count after this step. */
  void update(
      Due d,
      String status,
      boolean forDigest,
      int attempts,
      @Nullable Instant nextAttemptAt,
      String event,
      @Nullable String code,
      @Nullable String detail,
      Instant now) {
    jdbc.update(
        "UPDATE notification_delivery SET status = ?, for_digest = ?, attempts = ?,"
            + " next_attempt_at = ?, last_code = COALESCE(?, last_code),"
            + " last_detail = COALESCE(?, last_detail), updated_at = ?,"
            + " sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END WHERE id = ?",
        status,
        forDigest,
        attempts,
        nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
        code,
        clip(detail),
        Timestamp.from(now),
        status,
        Timestamp.from(now),
        bytes(d.id()));
    log(d.notificationId(), d.id(), d.channel(), event, attempts, code, detail, now);
  }

  void log(
      @Nullable UUID notificationId,
      @Nullable UUID deliveryId,
      @Nullable ExternalChannel channel,
      String event,
      int attempt,
      @Nullable String code,
      @Nullable String detail,
      Instant now) {
    jdbc.update(
        "INSERT INTO notification_delivery_log (id, notification_id, delivery_id, channel, event,"
            + " attempt, provider_code, detail, at) VALUES (?,?,?,?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(notificationId),
        bytes(deliveryId),
        channel == null ? null : channel.name(),
        event,
        attempt,
        code,
        clip(detail),
        Timestamp.from(now));
  }

  // --- the daily cap ------------------------------------------------------------------------

  int sentOn(UUID member, LocalDate day) {
    List<Integer> n =
        jdbc.queryForList(
            "SELECT sent FROM notification_send_count WHERE member_id = ? AND day = ?",
            Integer.class,
            bytes(member),
            Date.valueOf(day));
    return n.isEmpty() ? 0 : n.get(0);
  }

  /** Takes one of the day's slots if one is left (atomic: two replicas cannot both take it). */
  boolean takeSlot(UUID member, LocalDate day, int cap) {
    jdbc.update(
        "INSERT INTO notification_send_count (member_id, day, sent) VALUES (?,?,0)"
            + " ON DUPLICATE KEY UPDATE sent = sent",
        bytes(member),
        Date.valueOf(day));
    return jdbc.update(
            "UPDATE notification_send_count SET sent = sent + 1 WHERE member_id = ? AND day = ?"
                + " AND sent < ?",
            bytes(member),
            Date.valueOf(day),
            cap)
        > 0;
  }

  /** A slot taken for a send that did not go out is given back. */
  void returnSlot(UUID member, LocalDate day) {
    jdbc.update(
        "UPDATE notification_send_count SET sent = sent - 1 WHERE member_id = ? AND day = ?"
            + " AND sent > 0",
        bytes(member),
        Date.valueOf(day));
  }

  // --- the digest ---------------------------------------------------------------------------

  /** Members and channels with held items whose digest time has come. */
  List<Object[]> digestsDue(Instant now, int limit) {
    return jdbc.query(
        "SELECT DISTINCT member_id, channel FROM notification_delivery WHERE status = 'DEFERRED'"
            + " AND for_digest = TRUE AND next_attempt_at <= ? LIMIT ?",
        (rs, i) -> new Object[] {uuid(rs.getBytes(1)), ExternalChannel.valueOf(rs.getString(2))},
        Timestamp.from(now),
        limit);
  }

  /** The held items of one member and channel (call in a transaction: they are locked). */
  List<Held> held(UUID member, ExternalChannel channel, Instant now) {
    return jdbc.query(
        "SELECT d.id, d.notification_id, n.title FROM notification_delivery d JOIN notification n"
            + " ON n.id = d.notification_id WHERE d.member_id = ? AND d.channel = ?"
            + " AND d.status = 'DEFERRED' AND d.for_digest = TRUE AND d.next_attempt_at <= ?"
            + " ORDER BY n.created_at FOR UPDATE",
        (rs, i) -> new Held(uuid(rs.getBytes(1)), uuid(rs.getBytes(2)), rs.getString(3)),
        bytes(member),
        channel.name(),
        Timestamp.from(now));
  }

  UUID insertDigest(UUID member, ExternalChannel channel, String title, String body, Instant now) {
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO notification_delivery (id, notification_id, member_id, kind, channel, status,"
            + " urgent, title, body, next_attempt_at, created_at, updated_at)"
            + " VALUES (?,NULL,?,'DIGEST',?,'QUEUED',FALSE,?,?,?,?,?)",
        bytes(id),
        bytes(member),
        channel.name(),
        title,
        body,
        Timestamp.from(now),
        Timestamp.from(now),
        Timestamp.from(now));
    return id;
  }

  /** Held items carried by a digest: SKIPPED here, the digest's own status says the rest. */
  void merged(List<Held> items, UUID digestId, Instant now) {
    for (Held h : items) {
      jdbc.update(
          "UPDATE notification_delivery SET status = 'SKIPPED', digest_id = ?,"
              + " last_detail = '已合并到每日汇总', next_attempt_at = NULL, updated_at = ? WHERE id = ?",
          bytes(digestId),
          Timestamp.from(now),
          bytes(h.id()));
    }
  }

  // --- the member's view --------------------------------------------------------------------

  List<Row> ofNotification(UUID notificationId) {
    return jdbc.query(
        "SELECT id, channel, status, attempts, next_attempt_at, last_code, last_detail, digest_id,"
            + " created_at, sent_at FROM notification_delivery WHERE notification_id = ?"
            + " ORDER BY created_at, id",
        (rs, i) -> row(rs),
        bytes(notificationId));
  }

  List<LogRow> logOf(UUID notificationId) {
    return jdbc.query(
        "SELECT delivery_id, channel, event, attempt, provider_code, detail, at"
            + " FROM notification_delivery_log WHERE notification_id = ? ORDER BY at, id",
        (rs, i) ->
            new LogRow(
                uuid(rs.getBytes(1)),
                rs.getString(2) == null ? null : ExternalChannel.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant()),
        bytes(notificationId));
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp next = rs.getTimestamp("next_attempt_at");
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Row(
        uuid(rs.getBytes("id")),
        ExternalChannel.valueOf(rs.getString("channel")),
        rs.getString("status"),
        rs.getInt("attempts"),
        next == null ? null : next.toInstant(),
        rs.getString("last_code"),
        rs.getString("last_detail"),
        uuid(rs.getBytes("digest_id")),
        rs.getTimestamp("created_at").toInstant(),
        sent == null ? null : sent.toInstant());
  }

  private static Object[] args(Object first, List<UUID> ids) {
    Object[] args = new Object[ids.size() + 1];
    args[0] = first;
    for (int i = 0; i < ids.size(); i++) {
      args[i + 1] = bytes(ids.get(i));
    }
    return args;
  }

  private static @Nullable String clip(@Nullable String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300);
  }
}
