package cn.dangjian.dues.arrears;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When a month ends, every bill of it still unpaid becomes a month of arrears without any request:
 * recompute everyone shortly after midnight on the 1st (China Standard Time). A db-scheduler
 * recurring task, so one replica sweeps per month, not every replica.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    prefix = "dangjian.dues.arrears",
    name = "monthly-sweep",
    havingValue = "true",
    matchIfMissing = true)
class ArrearsSweep {

  private static final Logger log = LoggerFactory.getLogger(ArrearsSweep.class);

  @Bean
  RecurringTask<Void> arrearsSweepTask(ArrearsService arrears) {
    return Tasks.recurring(
            "arrears-sweep", Schedules.cron("0 5 0 1 * *", ZoneId.of("Asia/Shanghai")))
        .execute(
            (instance, context) -> {
              int changed = arrears.refreshSubtree(null);
              log.info("arrears sweep after month end: {} members changed", changed);
            });
  }
}
