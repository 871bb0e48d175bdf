package cn.dangjian.alert.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's settings and its recurring work on db-scheduler (one replica per round, revived
 * elsewhere if its replica dies): the delivery worker with reminders, the subtree fan-outs, and the
 * daily rules. Within a round, deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and a
 * lease, so even two rounds at once could not send one twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  @Bean
  UnsubscribeTokens unsubscribeTokens(NotificationProperties properties) {
    return new UnsubscribeTokens(properties.unsubscribe().secret());
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "dangjian.notifications",
      name = "scheduled",
      havingValue = "true",
      matchIfMissing = true)
  RecurringTask<Void> notificationDelivery(
      DeliveryWorker worker,
      NotificationJobs jobs,
      NotificationProperties properties,
      Clock clock) {
    return Tasks.recurring("notification-delivery", FixedDelay.of(properties.delivery().interval()))
        .execute(
            (instance, context) -> {
              jobs.reminders(clock.instant());
              worker.runOnce(clock.instant());
            });
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "dangjian.notifications",
      name = "scheduled",
      havingValue = "true",
      matchIfMissing = true)
  RecurringTask<Void> notificationFanout(Notifier notifier) {
    return Tasks.recurring("notification-fanout", FixedDelay.of(Duration.ofSeconds(5)))
        .execute((instance, context) -> notifier.workOffFanouts(Integer.MAX_VALUE));
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "dangjian.notifications",
      name = "scheduled",
      havingValue = "true",
      matchIfMissing = true)
  RecurringTask<Void> notificationDaily(NotificationJobs jobs, NotificationProperties properties) {
    return Tasks.recurring(
            "notification-daily",
            Schedules.cron(properties.dailyCron(), ZoneId.of(properties.quietHours().zone())))
        .execute((instance, context) -> jobs.daily());
  }
}
