package cn.dangjian.alert.push;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.alert.alert.Alert;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Queues one delivery per active subscription whose org subtree holds the alert. */
@Component
public class WebhookOutbox {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  WebhookOutbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void enqueue(Alert alert, EventEnvelope<?> envelope) {
    var subscriptions =
        jdbc.query(
            "SELECT id, min_severity FROM webhook_subscription"
                + " WHERE status = 'ACTIVE' AND ? LIKE CONCAT(org_path, '%')",
            (rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2)}, alert.getOrgPath());
    if (subscriptions.isEmpty()) {
      return;
    }
    String body = json.writeValueAsString(envelope);
    Timestamp now = Timestamp.from(clock.instant());
    for (Object[] subscription : subscriptions) {
      if (!alert.getSeverity().atLeast(Severity.valueOf((String) subscription[1]))) {
        continue;
      }
      jdbc.update(
          "INSERT INTO webhook_delivery (id, subscription_id, alert_id, event_type, body, status,"
              + " attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,'PENDING',0,?,?)",
          bytes(UuidV7.next()),
          subscription[0],
          bytes(alert.getId()),
          envelope.type(),
          body,
          now,
          now);
    }
  }
}
