package cn.dangjian.alert.push;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.push.WebhookViews.Delivery;
import cn.dangjian.alert.push.WebhookViews.Subscription;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The subscriptions and their delivery log, as the webhook API reads and changes them. */
@Repository
class WebhookStore {

  /** A subscription with the org path its visibility is decided by. */
  record Scoped(Subscription subscription, String orgPath) {}

  private final JdbcTemplate jdbc;

  WebhookStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      UUID orgId,
      String orgPath,
      String url,
      String sealedSecret,
      Severity min,
      String createdBy,
      Instant now) {
    jdbc.update(
        "INSERT INTO webhook_subscription (id, org_id, org_path, url, secret, min_severity, status,"
            + " consecutive_failures, created_by, created_at) VALUES (?,?,?,?,?,?,'ACTIVE',0,?,?)",
        bytes(id),
        bytes(orgId),
        orgPath,
        url,
        sealedSecret,
        min.name(),
        createdBy,
        Timestamp.from(now));
  }

  List<Scoped> all() {
    return jdbc.query(
        "SELECT id, org_id, org_path, url, min_severity, status, consecutive_failures, created_at"
            + " FROM webhook_subscription ORDER BY created_at",
        (rs, n) ->
            new Scoped(
                new Subscription(
                    uuid(rs.getBytes("id")),
                    uuid(rs.getBytes("org_id")),
                    rs.getString("url"),
                    Severity.valueOf(rs.getString("min_severity")),
                    rs.getString("status"),
                    rs.getInt("consecutive_failures"),
                    rs.getTimestamp("created_at").toInstant(),
                    null),
                rs.getString("org_path")));
  }

  List<Delivery> deliveries(UUID subscriptionId) {
    return jdbc.query(
        DELIVERY_COLUMNS
            + " FROM webhook_delivery WHERE subscription_id = ?"
            + " ORDER BY created_at DESC LIMIT 200",
        DeliveryRows.MAPPER,
        bytes(subscriptionId));
  }

  private static final String DELIVERY_COLUMNS =
      "SELECT id, message_id, alert_id, event_type, status, attempts, last_status, last_error,"
          + " created_at, delivered_at, redelivery_of, requested_by";

  /** The row mapper of {@link Delivery}. */
  private static final class DeliveryRows {
    static final org.springframework.jdbc.core.RowMapper<Delivery> MAPPER =
        (rs, n) ->
            new Delivery(
                uuid(rs.getBytes("id")),
                DeliveryStore.messageId(rs.getString("message_id"), uuid(rs.getBytes("id"))),
                uuid(rs.getBytes("alert_id")),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("delivered_at") == null
                    ? null
                    : rs.getTimestamp("delivered_at").toInstant(),
                rs.getBytes("redelivery_of") == null ? null : uuid(rs.getBytes("redelivery_of")),
                rs.getString("requested_by"));
  }

  /**
   * Queues a delivery of a logged one's message again, as a new row under the same webhook-id
   * (receivers deduplicate on it), recording who asked; answers the new row, or empty when the
   * delivery is not one of this subscription's.
   */
  Optional<Delivery> redeliver(
      UUID subscriptionId, UUID deliveryId, UUID newId, String requestedBy, Instant now) {
    Timestamp at = Timestamp.from(now);
    int inserted =
        jdbc.update(
            "INSERT INTO webhook_delivery (id, subscription_id, alert_id, event_type, body, status,"
                + " attempts, next_attempt_at, created_at, message_id, redelivery_of, requested_by)"
                + " SELECT ?, subscription_id, alert_id, event_type, body, 'PENDING', 0, ?, ?,"
                + " COALESCE(message_id, ?), id, ? FROM webhook_delivery"
                + " WHERE id = ? AND subscription_id = ?",
            bytes(newId),
            at,
            at,
            DeliveryStore.messageId(null, deliveryId),
            requestedBy,
            bytes(deliveryId),
            bytes(subscriptionId));
    if (inserted == 0) {
      return Optional.empty();
    }
    return jdbc
        .query(
            DELIVERY_COLUMNS + " FROM webhook_delivery WHERE id = ?",
            DeliveryRows.MAPPER,
            bytes(newId))
        .stream()
        .findFirst();
  }

  Optional<String> status(UUID id) {
    return jdbc
        .queryForList(
            "SELECT status FROM webhook_subscription WHERE id = ?", String.class, bytes(id))
        .stream()
        .findFirst();
  }

  void enable(UUID id) {
    jdbc.update(
        "UPDATE webhook_subscription SET status = 'ACTIVE', consecutive_failures = 0 WHERE id = ?",
        bytes(id));
  }

  void delete(UUID id) {
    jdbc.update("DELETE FROM webhook_delivery WHERE subscription_id = ?", bytes(id));
    jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", bytes(id));
  }

  Optional<String> orgPath(UUID id) {
    return jdbc
        .queryForList(
            "SELECT org_path FROM webhook_subscription WHERE id = ?", String.class, bytes(id))
        .stream()
        .findFirst();
  }
}
