package cn.dangjian.alert.push;

import cn.dangjian.alert.handling.Alert;
import cn.dangjian.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

  private record Loaded(List<DeliveryStore.Target> subscriptions, long atNanos) {}

  private final DeliveryStore deliveries;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Loaded loaded;

  WebhookOutbox(DeliveryStore deliveries, Clock clock) {
    this.deliveries = deliveries;
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

  private List<DeliveryStore.Target> active() {
    Loaded current = loaded;
    if (current == null || System.nanoTime() - current.atNanos() > REFRESH.toNanos()) {
      current = new Loaded(deliveries.activeTargets(), System.nanoTime());
      loaded = current;
    }
    return current.subscriptions();
  }

  void enqueue(Alert alert, EventEnvelope<?> envelope) {
    List<DeliveryStore.Target> matching =
        active().stream()
            .filter(s -> alert.getOrgPath().startsWith(s.orgPath()))
            .filter(s -> alert.getSeverity().atLeast(s.minSeverity()))
            .toList();
    if (matching.isEmpty()) {
      return;
    }
    String body = json.writeValueAsString(envelope);
    Instant now = clock.instant();
    for (DeliveryStore.Target subscription : matching) {
      deliveries.enqueue(subscription.id(), alert.getId(), envelope.type(), body, now);
    }
  }
}
