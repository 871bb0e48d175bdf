package cn.dangjian.alert.push;

import cn.dangjian.alert.handling.Alert;
import cn.dangjian.alert.handling.AlertNotifications;
import cn.dangjian.alert.handling.AlertViews;
import cn.dangjian.events.EventEnvelope;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.alert.AlertChanged;
import cn.dangjian.platform.events.DomainEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the world about an alert, inside the transaction that changed it: {@code alert.events}
 * through the outbox (integrators), the SSE stream log (every instance's streams) and signed
 * webhook deliveries queued for the subscriptions that cover the alert's org.
 */
@Component
public class AlertNotifier implements AlertNotifications {

  private final DomainEventPublisher events;
  private final WebhookOutbox webhooks;
  private final AlertMetrics metrics;
  private final AlertStream streams;

  AlertNotifier(
      DomainEventPublisher events,
      WebhookOutbox webhooks,
      AlertMetrics metrics,
      AlertStream streams) {
    this.events = events;
    this.webhooks = webhooks;
    this.metrics = metrics;
    this.streams = streams;
  }

  @Override
  public void raised(Alert alert) {
    publish(EventTypes.ALERT_RAISED, alert, "RAISED");
    metrics.raised(alert.getRuleId(), alert.getSeverity().name());
  }

  @Override
  public void changed(Alert alert, String change) {
    publish(EventTypes.ALERT_CHANGED, alert, change);
    if ("ESCALATED".equals(change)) {
      metrics.escalated(alert.getRuleId());
    } else if (!alert.getStatus().active()) {
      metrics.ended(alert.getRuleId(), alert.getStatus().name());
    }
  }

  @Override
  public void resolved(Alert alert) {
    publish(EventTypes.ALERT_RESOLVED, alert, "RESOLVED");
    metrics.ended(alert.getRuleId(), "RESOLVED");
  }

  private void publish(String type, Alert alert, String change) {
    AlertChanged payload =
        new AlertChanged(
            alert.getId(),
            alert.getRuleId(),
            alert.getSubjectType().name(),
            alert.getSubjectId(),
            alert.getOrgId(),
            alert.getSeverity().name(),
            alert.getStatus().name(),
            change,
            alert.getTitle(),
            alert.getDeadline(),
            alert.assigneeOrgId(),
            alert.getEscalationLevel());
    EventEnvelope<AlertChanged> envelope =
        events.publish(type, alert.getId().toString(), alert.getOrgPath(), payload);
    webhooks.enqueue(alert, envelope);
    streams.alertChanged(
        alert.getOrgPath(),
        new AlertViews.StreamEvent(
            type,
            payload.alertId(),
            payload.ruleId(),
            payload.subjectType(),
            payload.subjectId(),
            payload.orgId(),
            payload.severity(),
            payload.status(),
            payload.change(),
            payload.title(),
            payload.deadline(),
            payload.assigneeOrgId(),
            envelope.occurredAt()));
  }
}
