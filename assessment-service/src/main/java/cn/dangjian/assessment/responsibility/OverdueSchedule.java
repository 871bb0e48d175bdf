package cn.dangjian.assessment.responsibility;

import cn.dangjian.assessment.AssessmentProperties;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily check for overdue tasks (the endpoint runs the same check as of any day): a
 * db-scheduler recurring task, so one replica checks per day; "-" as the cron turns it off.
 */
@Configuration(proxyBeanMethods = false)
class OverdueSchedule {

  private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);

  @Bean
  RecurringTask<Void> overdueCheck(ResponsibilityService service, AssessmentProperties properties) {
    return Tasks.recurring(
            "overdue-check", Schedules.cron(properties.overdueCheckCron(), properties.zone()))
        .execute(
            (instance, context) -> {
              int found = service.overdueCheck(service.today());
              if (found > 0) {
                log.info("{} overdue tasks announced", found);
              }
            });
  }
}
