package cn.dangjian.platform.jobs;

import cn.dangjian.events.jobs.JobChanged;
import cn.dangjian.platform.events.DomainEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every change of a job ({@code <area>.job-changed}) through the outbox on the service's
 * own topic, so the alert stream can push it to the user who started it whichever service runs it.
 */
class JobEvents implements JobListener {

  private final DomainEventPublisher events;
  private final TransactionTemplate tx;
  private final String type;

  JobEvents(DomainEventPublisher events, PlatformTransactionManager transactions, String type) {
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.type = type;
  }

  @Override
  public void changed(JobView job) {
    JobChanged payload =
        new JobChanged(
            job.id(),
            job.kind(),
            job.status().name(),
            job.progress().done(),
            job.progress().total(),
            job.progress().unit(),
            job.progress().percent(),
            job.createdBy(),
            job.href());
    // the outbox records events inside a transaction; the job's own writes are not in one
    tx.executeWithoutResult(s -> events.publish(type, job.id().toString(), null, payload));
  }
}
