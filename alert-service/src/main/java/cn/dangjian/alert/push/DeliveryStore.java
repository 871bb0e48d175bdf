package cn.dangjian.alert.push;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The delivery queue (webhook_delivery) and what sending needs of the subscriptions. */
@Repository
class DeliveryStore {

  /** An active subscription as the outbox matches alerts against it. */
  record Target(byte[] id, String orgPath, Severity minSeverity) {}

  /** A due delivery with its subscription's url and sealed secret. */
  record Due(
      UUID id,
      UUID subscriptionId,
      String eventType,
      String body,
      int attempts,
      String url,
      String secret,
      String messageId) {}

  /** A subscription's stored (sealed or legacy plain) secret. */
  record StoredSecret(UUID id, String secret) {}

  private final JdbcTemplate jdbc;

  DeliveryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Target> activeTargets() {
    return jdbc.query(
        "SELECT id, org_path, min_severity FROM webhook_subscription WHERE status = 'ACTIVE'",
        (rs, n) -> new Target(rs.getBytes(1), rs.getString(2), Severity.valueOf(rs.getString(3))));
  }

  void enqueue(byte[] subscriptionId, UUID alertId, String eventType, String body, Instant at) {
    Timestamp now = Timestamp.from(at);
    UUID id = UuidV7.next();
    jdbc.update(
        "INSERT INTO webhook_delivery (id, subscription_id, alert_id, event_type, body, status,"
            + " attempts, next_attempt_at, created_at, message_id)"
            + " VALUES (?,?,?,?,?,'PENDING',0,?,?,?)",
        bytes(id),
        subscriptionId,
        bytes(alertId),
        eventType,
        body,
        now,
        now,
        messageId(null, id));
  }

  /** The webhook-id of a delivery: its message's, or (rows from before) its own id. */
  static String messageId(String stored, UUID deliveryId) {
    return stored != null ? stored : "msg_" + deliveryId;
  }

  List<StoredSecret> secrets() {
    return jdbc.query(
        "SELECT id, secret FROM webhook_subscription",
        (rs, n) -> new StoredSecret(uuid(rs.getBytes(1)), rs.getString(2)));
  }

  /** Replaces a secret unless it changed meanwhile. */
  void replaceSecret(UUID id, String stored, String sealed) {
    jdbc.update(
        "UPDATE webhook_subscription SET secret = ? WHERE id = ? AND secret = ?",
        sealed,
        bytes(id),
        stored);
  }

  List<Due> due(Instant now) {
    return jdbc.query(
        "SELECT d.id, d.subscription_id, d.event_type, d.body, d.attempts, s.url, s.secret,"
            + " d.message_id"
            + " FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at"
            + " LIMIT 100",
        (rs, n) ->
            new Due(
                uuid(rs.getBytes(1)),
                uuid(rs.getBytes(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                messageId(rs.getString(8), uuid(rs.getBytes(1)))),
        Timestamp.from(now));
  }

  /** Leases a due attempt until {@code until}; false when someone else has it. */
  boolean claim(UUID deliveryId, Instant now, Instant until) {
    return jdbc.update(
            "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'"
                + " AND next_attempt_at <= ?",
            Timestamp.from(until),
            bytes(deliveryId),
            Timestamp.from(now))
        == 1;
  }

  String subscriptionStatus(UUID subscriptionId) {
    return jdbc.queryForObject(
        "SELECT status FROM webhook_subscription WHERE id = ?",
        String.class,
        bytes(subscriptionId));
  }

  void succeeded(UUID subscriptionId) {
    jdbc.update(
        "UPDATE webhook_subscription SET consecutive_failures = 0 WHERE id = ?",
        bytes(subscriptionId));
  }

  void retryLater(UUID deliveryId, int attempts, Integer code, String error, Instant next) {
    jdbc.update(
        "UPDATE webhook_delivery SET attempts = ?, last_status = ?, last_error = ?,"
            + " next_attempt_at = ? WHERE id = ?",
        attempts,
        code,
        error,
        Timestamp.from(next),
        bytes(deliveryId));
  }

  /** One more failure; the subscription is disabled once it failed too often in a row. */
  void failed(UUID subscriptionId, int disableAfter) {
    jdbc.update(
        "UPDATE webhook_subscription SET consecutive_failures = consecutive_failures + 1,"
            + " status = CASE WHEN consecutive_failures >= ? THEN 'DISABLED' ELSE status END"
            + " WHERE id = ?",
        disableAfter,
        bytes(subscriptionId));
  }

  void finish(UUID deliveryId, String status, Integer code, String error, Instant now) {
    jdbc.update(
        "UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, last_status = ?,"
            + " last_error = ?, delivered_at = CASE WHEN ? = 'DELIVERED' THEN ? ELSE NULL END"
            + " WHERE id = ?",
        status,
        code,
        error,
        status,
        Timestamp.from(now),
        bytes(deliveryId));
  }
}
