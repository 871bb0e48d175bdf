package cn.dangjian.alert.notification;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inbox rows and their creation: one notification per recipient (unique per dedup key and
 * member, so a replay inserts nothing), external deliveries set-based per channel from the members'
 * preferences, and the member's own reads and deletes.
 */
@Repository
class NotificationStore {

  /** What a new notification says (rendered once for all its recipients). */
  record Content(
      NotificationKind kind,
      String dedupKey,
      @Nullable UUID sourceEventId,
      String title,
      String body,
      @Nullable String link,
      boolean urgent) {}

  /** One inbox row as the member sees it. */
  record Row(
      UUID id,
      NotificationKind kind,
      String title,
      String body,
      @Nullable String link,
      boolean urgent,
      Instant createdAt,
      @Nullable Instant readAt) {}

  private static final int ROWS_PER_STATEMENT = 500;

  private final JdbcTemplate jdbc;

  NotificationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One row per member (existing ones for the same dedup key are left as they are). */
  void insert(Content c, Collection<UUID> members, Instant now) {
    insertEach(members.stream().map(m -> new Personal(m, c)).toList(), now);
  }

  /** A recipient and what they are told (per-member variables, e.g. their own hours). */
  record Personal(UUID member, Content content) {}

  void insertEach(List<Personal> rows, Instant now) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Personal> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO notification (id, member_id, kind, dedup_key, source_event_id, title,"
                  + " body, link, urgent, created_at) VALUES ");
      List<Object> args = new ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        sql.append(i == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)");
        Content c = part.get(i).content();
        args.add(bytes(UuidV7.next()));
        args.add(bytes(part.get(i).member()));
        args.add(c.kind().name());
        args.add(c.dedupKey());
        args.add(bytes(c.sourceEventId()));
        args.add(c.title());
        args.add(c.body());
        args.add(c.link());
        args.add(c.urgent());
        args.add(Timestamp.from(now));
      }
      sql.append(" ON DUPLICATE KEY UPDATE created_at = notification.created_at");
      jdbc.update(sql.toString(), args.toArray());
    }
  }

  /**
   * The members of these orgs who get what their subtree is sent (active admitted members), in one
   * {@code INSERT … SELECT}.
   */
  int insertForOrgs(Content c, List<UUID> orgIds, Instant now) {
    List<Object> args = new ArrayList<>();
    args.add(c.kind().name());
    args.add(c.dedupKey());
    args.add(c.title());
    args.add(c.body());
    args.add(c.link());
    args.add(c.urgent());
    args.add(Timestamp.from(now));
    orgIds.forEach(id -> args.add(bytes(id)));
    return jdbc.update(
        "INSERT INTO notification (id, member_id, kind, dedup_key, source_event_id, title, body,"
            + " link, urgent, created_at) SELECT "
            + UuidV7.SQL
            + ", m.member_id, ?, ?, NULL, ?, ?, ?, ?, ? FROM proj_member m WHERE m.org_id IN ("
            + marks(orgIds.size())
            + ") AND "
            + RecipientQueries.ACTIVE_ADMITTED
            + " ON DUPLICATE KEY UPDATE created_at = notification.created_at",
        args.toArray());
  }

  /**
   * Deliveries on one channel for the notifications of a dedup key whose member wants that channel
   * (their choice for the kind, else the default) and has not unsubscribed from it.
   *
   * @param members restrict to these members, or null
   * @param orgIds restrict to the members of these orgs (a fan-out chunk), or null
   */
  int createDeliveries(
      Content c,
      ExternalChannel channel,
      boolean onByDefault,
      String status,
      boolean forDigest,
      Instant nextAttemptAt,
      @Nullable Collection<UUID> members,
      @Nullable List<UUID> orgIds,
      Instant now) {
    List<Object> args = new ArrayList<>();
    args.add(channel.name());
    args.add(status);
    args.add(forDigest);
    args.add(Timestamp.from(nextAttemptAt));
    args.add(Timestamp.from(now));
    args.add(Timestamp.from(now));
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO notification_delivery (id, notification_id, member_id, kind, channel,"
                + " status, urgent, for_digest, next_attempt_at, created_at, updated_at) SELECT "
                + UuidV7.SQL
                + ", n.id, n.member_id, n.kind, ?, ?, n.urgent, ?, ?, ?, ? FROM notification n");
    if (orgIds != null) {
      sql.append(" JOIN proj_member m ON m.member_id = n.member_id AND m.org_id IN (")
          .append(marks(orgIds.size()))
          .append(")");
      orgIds.forEach(id -> args.add(bytes(id)));
    }
    sql.append(
        " LEFT JOIN notification_preference p ON p.member_id = n.member_id AND p.kind = n.kind"
            + " WHERE n.dedup_key = ?");
    args.add(c.dedupKey());
    if (members != null) {
      if (members.isEmpty()) {
        return 0;
      }
      sql.append(" AND n.member_id IN (").append(marks(members.size())).append(")");
      members.forEach(id -> args.add(bytes(id)));
    }
    sql.append(
        " AND (CASE WHEN p.channels IS NULL THEN ? ELSE FIND_IN_SET(?, p.channels) > 0 END)"
            + " AND (p.opted_out IS NULL OR FIND_IN_SET(?, p.opted_out) = 0)"
            + " ON DUPLICATE KEY UPDATE updated_at = notification_delivery.updated_at");
    args.add(onByDefault);
    args.add(channel.name());
    args.add(channel.name());
    return jdbc.update(sql.toString(), args.toArray());
  }

  // --- the member's inbox -------------------------------------------------------------------

  List<Row> page(
      UUID member,
      boolean unreadOnly,
      @Nullable NotificationKind kind,
      String orderBy,
      int limit,
      long offset) {
    List<Object> args = new ArrayList<>();
    String where = inboxWhere(member, unreadOnly, kind, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query(
        "SELECT id, kind, title, body, link, urgent, created_at, read_at FROM notification"
            + where
            + " ORDER BY "
            + orderBy
            + " LIMIT ? OFFSET ?",
        (rs, i) -> row(rs),
        args.toArray());
  }

  long count(UUID member, boolean unreadOnly, @Nullable NotificationKind kind) {
    List<Object> args = new ArrayList<>();
    String where = inboxWhere(member, unreadOnly, kind, args);
    Long n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM notification" + where, Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  Optional<Row> get(UUID member, UUID id) {
    return jdbc
        .query(
            "SELECT id, kind, title, body, link, urgent, created_at, read_at FROM notification"
                + " WHERE id = ? AND member_id = ? AND deleted_at IS NULL",
            (rs, i) -> row(rs),
            bytes(id),
            bytes(member))
        .stream()
        .findFirst();
  }

  /** Marks read (once: the first read's time stays) and logs it; false when not the member's. */
  boolean markRead(UUID member, UUID id, Instant now) {
    int changed =
        jdbc.update(
            "UPDATE notification SET read_at = ? WHERE id = ? AND member_id = ?"
                + " AND deleted_at IS NULL AND read_at IS NULL",
            Timestamp.from(now),
            bytes(id),
            bytes(member));
    if (changed > 0) {
      logRead(List.of(id), now);
    }
    return changed > 0 || get(member, id).isPresent();
  }

  int markAllRead(UUID member, Instant now) {
    List<UUID> ids =
        jdbc.query(
            "SELECT id FROM notification WHERE member_id = ? AND deleted_at IS NULL"
                + " AND read_at IS NULL",
            (rs, i) -> uuid(rs.getBytes(1)),
            bytes(member));
    if (ids.isEmpty()) {
      return 0;
    }
    jdbc.update(
        "UPDATE notification SET read_at = ? WHERE member_id = ? AND deleted_at IS NULL"
            + " AND read_at IS NULL",
        Timestamp.from(now),
        bytes(member));
    logRead(ids, now);
    return ids.size();
  }

  boolean delete(UUID member, UUID id, Instant now) {
    return jdbc.update(
            "UPDATE notification SET deleted_at = ? WHERE id = ? AND member_id = ?"
                + " AND deleted_at IS NULL",
            Timestamp.from(now),
            bytes(id),
            bytes(member))
        > 0;
  }

  private void logRead(List<UUID> ids, Instant now) {
    jdbc.batchUpdate(
        "INSERT INTO notification_delivery_log (id, notification_id, event, at) VALUES (?,?,'READ',?)",
        ids.stream()
            .map(id -> new Object[] {bytes(UuidV7.next()), bytes(id), Timestamp.from(now)})
            .toList());
  }

  private static String inboxWhere(
      UUID member, boolean unreadOnly, @Nullable NotificationKind kind, List<Object> args) {
    StringBuilder where = new StringBuilder(" WHERE member_id = ? AND deleted_at IS NULL");
    args.add(bytes(member));
    if (unreadOnly) {
      where.append(" AND read_at IS NULL");
    }
    if (kind != null) {
      where.append(" AND kind = ?");
      args.add(kind.name());
    }
    return where.toString();
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    return new Row(
        uuid(rs.getBytes("id")),
        NotificationKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        rs.getBoolean("urgent"),
        rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant());
  }

  static String marks(int n) {
    return String.join(",", java.util.Collections.nCopies(n, "?"));
  }
}
