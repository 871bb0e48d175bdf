package cn.dangjian.dues.payment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment feature's chores as db-scheduler recurring tasks: one replica runs each round (both
 * are cluster-wide deletes and updates, so every further replica would only repeat them).
 */
@Configuration(proxyBeanMethods = false)
class PaymentSchedules {

  @Bean
  RecurringTask<Void> pendingOrderSweepTask(
      PendingOrderSweep sweep,
      @Value("${dangjian.dues.payments.sweep-interval:60s}") Duration interval) {
    return Tasks.recurring("pending-order-sweep", FixedDelay.of(interval))
        .execute((instance, context) -> sweep.expire());
  }

  @Bean
  RecurringTask<Void> callbackNoncePurgeTask(
      CallbackNonces nonces,
      @Value("${dangjian.dues.callbacks.nonce-purge-interval:5m}") Duration interval) {
    return Tasks.recurring("callback-nonce-purge", FixedDelay.of(interval))
        .execute((instance, context) -> nonces.purge());
  }
}
