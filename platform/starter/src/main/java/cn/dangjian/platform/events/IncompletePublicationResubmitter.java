package cn.dangjian.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Retries outbox entries that were not delivered (Kafka was down at commit time) until they are.
 * Only entries older than {@code resubmitAfter} are retried, so an in-flight send is not doubled;
 * consumers are idempotent for the rare duplicate anyway.
 */
public class IncompletePublicationResubmitter extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(IncompletePublicationResubmitter.class);

  private final IncompleteEventPublications publications;
  private final Duration resubmitAfter;

  public IncompletePublicationResubmitter(
      IncompleteEventPublications publications, Duration interval, Duration resubmitAfter) {
    super("outbox-resubmitter", interval);
    this.publications = publications;
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
  void runOnce() {
    resubmitNow();
  }
}
