package cn.dangjian.assessment.cycle;

import cn.dangjian.platform.jobs.JobType;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The long steps of a cycle as jobs (a province's cycle takes tens of seconds): automatic scores,
 * compute and publish. What a client must hear at once — 404 out of scope, 403 for the role,
 * 428/412 for If-Match, 422 for the workflow — is checked before the job is queued; the job does
 * the rest and its result is what the synchronous call answered before. One job per kind and cycle
 * runs at a time (natural key: the cycle id); who may follow it: its starter and whoever's scope
 * covers the cycle's root.
 */
@Configuration
class CycleJobs {

  static final String AUTOMATIC_SCORES = "cycle-automatic-scores";
  static final String COMPUTE = "cycle-compute";
  static final String PUBLISH = "cycle-publish";

  /** Automatic scores of a cycle as of a day (decided when queued, so a resumed run agrees). */
  record AutomaticScores(UUID cycleId, LocalDate asOf) {}

  /** The result of automatic scoring, as the synchronous call answered: orgs scored, time taken. */
  record AutomaticScored(int orgs, long millis) {}

  /** A workflow step on the version the caller read (If-Match), by whom. */
  record Step(UUID cycleId, long expectedVersion, String actor) {}

  /**
   * Resumable: each automatic score is an upsert recomputed from the sources as of the same day, so
   * a run cut off by a restart simply runs again. Cancellable while running: each indicator is its
   * own transaction and the cycle stays open, so stopping between indicators leaves valid scores
   * that the next run recomputes.
   */
  @Bean
  JobType<AutomaticScores> cycleAutomaticScoresJob(CycleScoring scoring) {
    return new JobType<>(
        AUTOMATIC_SCORES,
        AutomaticScores.class,
        true,
        true,
        (payload, context) -> scoring.automaticScores(payload, context));
  }

  /**
   * Resumable: the whole computation is one transaction, so a cut-off run left nothing and runs
   * again (a run that had committed finds the cycle already in review and answers it). Not
   * cancellable while running: set-based statements in one transaction have no point to stop at.
   */
  @Bean
  JobType<Step> cycleComputeJob(CycleReview review) {
    return new JobType<>(
        COMPUTE, Step.class, true, false, (payload, context) -> review.compute(payload));
  }

  /**
   * Resumable: the status change, every org's result event (outbox) and the accountability cases
   * are one transaction, so a cut-off run published nothing and runs again; a run that had
   * committed finds the cycle published and answers it without publishing twice. Not cancellable
   * while running: a publication is all or nothing.
   */
  @Bean
  JobType<Step> cyclePublishJob(CycleReview review) {
    return new JobType<>(
        PUBLISH, Step.class, true, false, (payload, context) -> review.publish(payload));
  }

  static JobView submit(Jobs jobs, String kind, Object payload, Cycle cycle, String actor) {
    return jobs.submit(kind, payload, cycle.id().toString(), cycle.rootPath(), actor);
  }

  /** A step already done by this job's earlier run (committed, then cut off before it ended). */
  static boolean alreadyDone(Cycle cycle, Step step, String target) {
    return target.equals(cycle.status()) && cycle.version() > step.expectedVersion();
  }
}
