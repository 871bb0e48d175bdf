package cn.dangjian.platform.jobs;

import cn.dangjian.platform.DangjianProperties;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemFactory;
import cn.dangjian.platform.scope.DataScopeResolver;
import cn.dangjian.platform.security.CurrentCaller;
import cn.dangjian.platform.time.PartyCalendar;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job facility in every servlet service: db-scheduler runs the executions from the service's
 * own {@code scheduled_tasks} table (polled, heartbeats, dead executions revived), {@link Jobs}
 * keeps what users see, and with {@code dangjian.jobs.path} set the service serves the job
 * resource.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    },
    beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(DangjianProperties.class)
public class JobsAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(JobsAutoConfiguration.class);

  /** db-scheduler's name for the one task that runs every job (the instance id is the job id). */
  static final String TASK = "platform-job";

  @Bean
  JobStore jobStore(JdbcTemplate jdbc) {
    return new JobStore(jdbc);
  }

  @Bean
  JobTypes jobTypes(ObjectProvider<JobType<?>> types) {
    return new JobTypes(types.orderedStream().toList());
  }

  @Bean
  JobRunner jobRunner(
      JobStore store,
      JobTypes types,
      JsonMapper json,
      ProblemFactory problems,
      ObjectProvider<JobListener> listeners,
      DangjianProperties properties,
      Clock clock) {
    return new JobRunner(
        store, types, json, problems, listeners.orderedStream().toList(), properties.jobs(), clock);
  }

  @Bean
  OneTimeTask<String> platformJobTask(JobRunner runner) {
    return Tasks.oneTime(TASK, String.class)
        .execute((instance, context) -> runner.run(instance.getId()));
  }

  /** Expired files and old jobs go; a recurring task, so one replica does it per round. */
  @Bean
  RecurringTask<Void> platformJobHousekeeping(
      JobStore store, DangjianProperties properties, Clock clock) {
    DangjianProperties.Jobs settings = properties.jobs();
    return Tasks.recurring(
            "platform-job-housekeeping", FixedDelay.of(settings.housekeepingInterval()))
        .execute(
            (instance, context) -> {
              LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), PartyCalendar.ZONE);
              List<java.util.UUID> expired = store.expiredFiles(now);
              expired.forEach(store::deleteChunks);
              int deleted = store.deleteFinishedBefore(now.minus(settings.retention()));
              if (!expired.isEmpty() || deleted > 0) {
                log.info(
                    "job housekeeping: {} files expired, {} old jobs deleted",
                    expired.size(),
                    deleted);
              }
            });
  }

  @Bean
  Jobs jobs(
      JobStore store,
      JobTypes types,
      Scheduler scheduler,
      OneTimeTask<String> platformJobTask,
      JobRunner runner,
      JsonMapper json,
      PlatformTransactionManager transactions,
      Clock clock,
      DangjianProperties properties) {
    String path = properties.jobs().path() == null ? "/jobs" : properties.jobs().path();
    Jobs jobs = new Jobs(store, types, scheduler, platformJobTask, json, transactions, clock, path);
    runner.viewsFrom(jobs);
    return jobs;
  }

  @Bean
  @ConditionalOnProperty("dangjian.jobs.events")
  JobEvents jobEvents(
      DomainEventPublisher events,
      PlatformTransactionManager transactions,
      DangjianProperties properties) {
    return new JobEvents(events, transactions, properties.jobs().events());
  }

  @Bean
  @ConditionalOnProperty("dangjian.jobs.path")
  JobController jobController(
      Jobs jobs, CurrentCaller callers, ObjectProvider<DataScopeResolver> scopes) {
    return new JobController(jobs, callers, scopes.getObject());
  }

  /**
   * Every service serves the same job controller: its operations are named after the service's area
   * ({@code getDuesJob}, {@code listAlertJobs}) so a client of the merged document has one name per
   * operation. Runs after the platform's naming.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnProperty("dangjian.jobs.path")
  OperationCustomizer jobOperationIds(DangjianProperties properties) {
    String area = areaOf(properties.jobs().path());
    return (operation, handler) -> {
      if (handler.getBeanType() == JobController.class && operation.getOperationId() != null) {
        operation.setOperationId(operation.getOperationId().replace("Job", area + "Job"));
      }
      return operation;
    };
  }

  /** {@code /api/org-life/jobs} → {@code OrgLife}. */
  static String areaOf(String path) {
    String[] segments = path.replaceAll("^/+|/+$", "").split("/");
    String area = segments.length >= 2 ? segments[segments.length - 2] : segments[0];
    StringBuilder name = new StringBuilder();
    for (String word : area.split("-")) {
      if (!word.isEmpty()) {
        name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return name.toString();
  }
}
