package cn.dangjian.dues.ledger;

import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.config.RemittanceProperties;
import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.DigestUtils;

/**
 * The quarterly remittance as a job ({@code remittance-run}; resumable, since a run is idempotent
 * per org and quarter) and its schedule: a db-scheduler recurring task (one replica runs each
 * round, no lock of our own) queues the run for the previous quarter at the start of each quarter.
 */
@Configuration
class RemittanceJob {

  static final String KIND = "remittance-run";
  static final String SYSTEM = "system:remittance-schedule";

  private static final Logger log = LoggerFactory.getLogger(RemittanceJob.class);

  /** The quarter and the subtree (null: everywhere) the run covers. */
  record Payload(String quarter, @Nullable UUID orgId, @Nullable String path, String actor) {}

  @Bean
  JobType<Payload> remittanceRunJobType(RemittanceRun runs) {
    return new JobType<>(
        KIND,
        Payload.class,
        true,
        true,
        (payload, context) ->
            runs.run(Quarter.parse(payload.quarter()), payload.path(), payload.actor(), context));
  }

  @Bean
  @ConditionalOnProperty(
      prefix = "dangjian.dues.remittance",
      name = "scheduled",
      havingValue = "true",
      matchIfMissing = true)
  RecurringTask<Void> quarterlyRemittance(
      ObjectProvider<Jobs> jobs, RemittanceProperties properties, Clock clock) {
    // Jobs needs the scheduler, which needs this task: look it up when the task runs
    return Tasks.recurring(
            "dues-quarterly-remittance",
            Schedules.cron(properties.cron(), DuesConfiguration.CALENDAR))
        .execute(
            (instance, context) -> {
              Quarter quarter =
                  Quarter.before(LocalDate.now(clock.withZone(DuesConfiguration.CALENDAR)));
              JobView job = submit(jobs.getObject(), quarter, null, null, SYSTEM);
              log.info("quarterly remittance for {} queued as job {}", quarter, job.id());
            });
  }

  /** Queues the run, or returns the one already queued or running for the quarter and subtree. */
  static JobView submit(
      Jobs jobs, Quarter quarter, @Nullable UUID orgId, @Nullable String path, String actor) {
    String subtree = path == null ? "all" : DigestUtils.md5DigestAsHex(path.getBytes());
    String naturalKey = quarter + ":" + subtree;
    return jobs.submit(
        KIND, new Payload(quarter.toString(), orgId, path, actor), naturalKey, path, actor);
  }
}
