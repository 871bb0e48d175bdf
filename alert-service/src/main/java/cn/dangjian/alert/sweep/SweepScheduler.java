package cn.dangjian.alert.sweep;

import cn.dangjian.alert.rules.Calendar;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily sweep (default 01:30 Asia/Shanghai, as of that day); "-" in the cron turns it off. A
 * db-scheduler recurring task: one replica sweeps per day. The sweep's lease still keeps a sweep
 * requested through the API from running alongside it.
 */
@Configuration(proxyBeanMethods = false)
class SweepScheduler {

  @Bean
  RecurringTask<Void> alertSweep(
      SweepService sweeps,
      Clock clock,
      @Value("${dangjian.alerts.sweep-cron:0 30 1 * * *}") String cron) {
    return Tasks.recurring("alert-sweep", Schedules.cron(cron, ZoneId.of("Asia/Shanghai")))
        .execute((instance, context) -> sweeps.run(Calendar.today(clock)));
  }
}
