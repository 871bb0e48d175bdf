package cn.dangjian.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link #runOnce()} every {@code interval} on one daemon thread while the application runs
 * (the outbox's own chores; work with a schedule users see belongs to a job facility).
 */
abstract class PeriodicTask implements SmartLifecycle {

  private final String threadName;
  private final Duration interval;
  private ScheduledExecutorService executor;

  PeriodicTask(String threadName, Duration interval) {
    this.threadName = threadName;
    this.interval = interval;
  }

  /** One round; it must catch its own failures (a thrown exception would end the schedule). */
  abstract void runOnce();

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, threadName);
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
