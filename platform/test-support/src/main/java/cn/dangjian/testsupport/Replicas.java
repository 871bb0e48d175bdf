package cn.dangjian.testsupport;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Replicas of a service for its scheduled work: two more db-scheduler instances on the service's
 * own {@code scheduled_tasks} table, racing for one round of a recurring task.
 */
public final class Replicas {

  private Replicas() {}

  /**
   * Puts one round of {@code task} in the table, due far ahead of the real clock (so the test
   * context's own scheduler leaves it alone), and lets two replicas whose clocks have reached it
   * poll at the same time.
   *
   * @return how often the task ran
   * @throws AssertionError if a run failed
   */
  public static int runsOfOneRound(DataSource dataSource, RecurringTask<?> task) {
    Instant due = Instant.now().plus(Duration.ofDays(400));
    // counted where the replica runs the task (a manual scheduler does not report executions to
    // its listeners)
    AtomicInteger runs = new AtomicInteger();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    ExecutionInterceptor counting =
        (instance, context, chain) -> {
          if (!task.getName().equals(instance.getTaskName())) {
            return chain.proceed(instance, context);
          }
          runs.incrementAndGet();
          try {
            return chain.proceed(instance, context);
          } catch (RuntimeException | Error e) {
            failures.add(e);
            throw e;
          }
        };
    ManualScheduler first = replica(dataSource, task, counting, due);
    ManualScheduler second = replica(dataSource, task, counting, due);
    TaskInstance<?> round = task.instance(RecurringTask.INSTANCE);
    Optional<Instant> planned = takeOver(first, round, due);
    try {
      CompletableFuture.allOf(
              CompletableFuture.runAsync(first::runAnyDueExecutions),
              CompletableFuture.runAsync(second::runAnyDueExecutions))
          .join();
    } finally {
      // the test context's own round goes back to when it was planned
      planned.ifPresent(at -> first.reschedule(round, at));
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(task.getName() + " failed", failures.get(0));
    }
    return runs.get();
  }

  /**
   * Moves the round to {@code due}, once the test context's scheduler is not running it (it runs
   * every recurring task once at start-up).
   *
   * @return when the context had planned it
   */
  private static Optional<Instant> takeOver(
      ManualScheduler scheduler, TaskInstance<?> round, Instant due) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        Optional<ScheduledExecution<Object>> current = scheduler.getScheduledExecution(round);
        if (current.isEmpty()) {
          if (scheduler.scheduleIfNotExists(round, due)) {
            return Optional.empty();
          }
        } else if (!current.get().isPicked() && scheduler.reschedule(round, due)) {
          return Optional.of(current.get().getExecutionTime());
        }
      } catch (RuntimeException pickedMeanwhile) {
        // the context's scheduler picked it between the read and the update: try again
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(round + " stays picked by the test context's scheduler");
  }

  private static ManualScheduler replica(
      DataSource dataSource, RecurringTask<?> task, ExecutionInterceptor counting, Instant at) {
    SettableClock clock = new SettableClock();
    clock.set(at.plusSeconds(1));
    TestHelper.ManualSchedulerBuilder builder =
        TestHelper.createManualScheduler(dataSource, List.of(task)).clock(clock);
    builder.addExecutionInterceptor(counting);
    return builder.build();
  }
}
