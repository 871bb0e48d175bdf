package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code dangjian_notifications_deliveries_total{channel, kind, outcome}}: external deliveries
 * queued (created, held ones included), sent, failed (refused for good) and dead (retries spent).
 * Every series exists from the start, so dashboards and the exported-metrics list see them at 0.
 */
@Component
class NotificationMetrics {

  static final String NAME = "dangjian.notifications.deliveries";
  static final List<String> OUTCOMES = List.of("queued", "sent", "failed", "dead");

  private final MeterRegistry registry;

  NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (ExternalChannel channel : ExternalChannel.values()) {
      for (NotificationKind kind : NotificationKind.values()) {
        for (String outcome : OUTCOMES) {
          counter(channel, kind, outcome);
        }
      }
    }
  }

  void count(ExternalChannel channel, NotificationKind kind, String outcome, long n) {
    if (n > 0) {
      counter(channel, kind, outcome).increment(n);
    }
  }

  private Counter counter(ExternalChannel channel, NotificationKind kind, String outcome) {
    return Counter.builder(NAME)
        .description("外部渠道消息投递 external notification deliveries")
        .tag("channel", channel.name())
        .tag("kind", kind.name())
        .tag("outcome", outcome)
        .register(registry);
  }
}
