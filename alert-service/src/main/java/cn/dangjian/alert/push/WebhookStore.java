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
        "SELECT id, alert_id, event_type, status, attempts, last_status, last_error, created_at,"
            + " delivered_at FROM webhook_delivery WHERE subscription_id = ?"
            + " ORDER BY created_at DESC LIMIT 200",
        (rs, n) ->
            new Delivery(
                uuid(rs.getBytes("id")),
                uuid(rs.getBytes("alert_id")),
                rs.getString("event_type"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("delivered_at") == null
                    ? null
                    : rs.getTimestamp("delivered_at").toInstant()),
        bytes(subscriptionId));
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
