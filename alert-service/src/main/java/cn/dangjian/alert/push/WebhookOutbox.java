package cn.dangjian.alert.push;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.alert.alert.Alert;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.platform.persistence.UuidV7;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues one delivery per active subscription whose org subtree holds the alert. The few
 * subscriptions are read once every few seconds, not once per alert (a sweep raises thousands): a
 * change reaches the queue within {@link #REFRESH}; this instance's own changes at once.
 */
@Component
public class WebhookOutbox {

  static final Duration REFRESH = Duration.ofSeconds(5);

  private record Subscription(byte[] id, String orgPath, Severity minSeverity) {}

  private record Loaded(List<Subscription> subscriptions, long atNanos) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Loaded loaded;

  WebhookOutbox(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A subscription changed here: read them again once that change is committed. */
  void subscriptionsChanged() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              loaded = null;
            }
          });
    } else {
      loaded = null;
    }
  }

  private List<Subscription> active() {
    Loaded current = loaded;
    if (current == null || System.nanoTime() - current.atNanos() > REFRESH.toNanos()) {
      current =
          new Loaded(
              jdbc.query(
                  "SELECT id, org_path, min_severity FROM webhook_subscription"
                      + " WHERE status = 'ACTIVE'",
                  (rs, n) ->
                      new Subscription(
                          rs.getBytes(1), rs.getString(2), Severity.valueOf(rs.getString(3)))),
              System.nanoTime());
      loaded = current;
    }
    return current.subscriptions();
  }

  void enqueue(Alert alert, EventEnvelope<?> envelope) {
    List<Subscription> matching =
        active().stream()
            .filter(s -> alert.getOrgPath().startsWith(s.orgPath()))
            .filter(s -> alert.getSeverity().atLeast(s.minSeverity()))
            .toList();
    if (matching.isEmpty()) {
      return;
    }
    String body = json.writeValueAsString(envelope);
    Timestamp now = Timestamp.from(clock.instant());
    for (Subscription subscription : matching) {
      jdbc.update(
          "INSERT INTO webhook_delivery (id, subscription_id, alert_id, event_type, body, status,"
              + " attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,'PENDING',0,?,?)",
          bytes(UuidV7.next()),
          subscription.id(),
          bytes(alert.getId()),
          envelope.type(),
          body,
          now,
          now);
    }
  }
}
