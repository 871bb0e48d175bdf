package cn.dangjian.platform.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Retries outbox entries that were not delivered (Kafka was down at commit time) until they are.
 * Only entries older than {@code resubmitAfter} are retried, so an in-flight send is not doubled;
 * consumers are idempotent for the rare duplicate anyway.
 */
public class IncompletePublicationResubmitter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IncompletePublicationResubmitter.class);

  private final IncompleteEventPublications publications;
  private final Duration interval;
  private final Duration resubmitAfter;
  private ScheduledExecutorService executor;

  public IncompletePublicationResubmitter(
      IncompleteEventPublications publications, Duration interval, Duration resubmitAfter) {
    this.publications = publications;
    this.interval = interval;
    this.resubmitAfter = resubmitAfter;
  }

  public void resubmitNow() {
    try {
      publications.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    } catch (RuntimeException e) {
      log.warn("resubmitting incomplete event publications failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "outbox-resubmitter");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::resubmitNow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
