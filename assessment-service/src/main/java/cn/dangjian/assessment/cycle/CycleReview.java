package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.cycle.CycleViews.CycleView;
import cn.dangjian.assessment.indicator.IndicatorService;
import cn.dangjian.assessment.indicator.Leaf;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.assessment.CyclePublished;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.persistence.UuidV7;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From scores to published results: compute (combined scores, ranks, grades, bottom band, 整改清单) →
 * review → publish; corrections after publication are audited re-publications.
 */
@Service
public class CycleReview {

  private final Access access;
  private final CycleAccess cycles;
  private final CycleStore cycleStore;
  private final ScoreStore scores;
  private final ScoringStore scoring;
  private final ResultStore results;
  private final IndicatorService indicators;
  private final DomainEventPublisher events;
  private final ApplicationEventPublisher listeners;
  private final AssessmentProperties properties;
  private final Clock clock;
  // looked up when a job is queued: the job types need this service, the facility needs them
  private final ObjectProvider<Jobs> jobs;

  CycleReview(
      Access access,
      CycleAccess cycles,
      CycleStore cycleStore,
      ScoreStore scores,
      ScoringStore scoring,
      ResultStore results,
      IndicatorService indicators,
      DomainEventPublisher events,
      ApplicationEventPublisher listeners,
      AssessmentProperties properties,
      Clock clock,
      ObjectProvider<Jobs> jobs) {
    this.access = access;
    this.cycles = cycles;
    this.cycleStore = cycleStore;
    this.scores = scores;
    this.scoring = scoring;
    this.results = results;
    this.indicators = indicators;
    this.events = events;
    this.listeners = listeners;
    this.properties = properties;
    this.clock = clock;
    this.jobs = jobs;
  }

  /**
   * Queues the computation once the caller manages the cycle, read its current version, the cycle
   * is open and every manual score is in.
   */
  public JobView startCompute(UUID cycleId, long expected) {
    Cycle cycle = cycles.manageable(cycleId);
    CycleRules.checkVersion(cycle, expected);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    ScoringRules.requireNoMissingScores(scoring.missingManualScores(cycle));
    return CycleJobs.submit(
        jobs.getObject(),
        CycleJobs.COMPUTE,
        new CycleJobs.Step(cycle.id(), expected, access.username()),
        cycle,
        access.username());
  }

  /**
   * The job: combined scores, ranks, grades, bottom band and 整改清单; the cycle goes to review. The
   * checks are made again under the lock (the cycle may have changed since it was queued).
   */
  @Transactional
  public CycleView compute(CycleJobs.Step step) {
    Cycle cycle = cycles.locked(step.cycleId());
    if (CycleJobs.alreadyDone(cycle, step, Cycle.REVIEW)) {
      return CycleView.of(cycle);
    }
    CycleRules.checkVersion(cycle, step.expectedVersion());
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    ScoringRules.requireNoMissingScores(scoring.missingManualScores(cycle));
    recompute(cycle);
    cycleStore.markComputed(cycle.id(), clock.instant());
    return CycleView.of(cycles.locked(step.cycleId()));
  }

  /** Back from review to scoring (the reviewer found something to fix). */
  @Transactional
  public Cycle reopen(UUID cycleId, long expected) {
    Cycle cycle = cycles.managed(cycleId);
    CycleRules.checkVersion(cycle, expected);
    CycleRules.requireStatus(cycle, Cycle.REVIEW);
    cycleStore.reopen(cycle.id());
    return cycles.visible(cycleId);
  }

  /** A reviewer's own item on an org's 整改清单 (during review). */
  @Transactional
  public void addRectification(UUID cycleId, UUID orgId, String text) {
    Cycle cycle = cycles.managed(cycleId);
    CycleRules.requireStatus(cycle, Cycle.REVIEW);
    cycles.requireVisibleOrg(cycle, orgId);
    scores.addRectification(
        cycle.id(), orgId, "manual:" + UuidV7.next(), text, "MANUAL", access.username());
  }

  /**
   * Queues the publication once the caller manages the cycle, read its version and it is in review.
   */
  public JobView startPublish(UUID cycleId, long expected) {
    Cycle cycle = cycles.manageable(cycleId);
    CycleRules.checkVersion(cycle, expected);
    CycleRules.requireStatus(cycle, Cycle.REVIEW);
    return CycleJobs.submit(
        jobs.getObject(),
        CycleJobs.PUBLISH,
        new CycleJobs.Step(cycle.id(), expected, access.username()),
        cycle,
        access.username());
  }

  /**
   * The job: publishes, one {@code assessment.cycle-published} per org, then {@link
   * ResultsPublished} — all in one transaction, checked again under the lock.
   */
  @Transactional
  public CycleView publish(CycleJobs.Step step) {
    Cycle cycle = cycles.locked(step.cycleId());
    if (CycleJobs.alreadyDone(cycle, step, Cycle.PUBLISHED)) {
      return CycleView.of(cycle); // published by this job's earlier run: never twice
    }
    CycleRules.checkVersion(cycle, step.expectedVersion());
    CycleRules.requireStatus(cycle, Cycle.REVIEW);
    cycleStore.markPublished(cycle.id(), clock.instant());
    Cycle published = cycles.locked(step.cycleId());
    int sent = publishResults(published, null);
    results.recordPublication(
        published.id(), published.publicationNo(), "首次发布", sent, step.actor(), clock.instant());
    listeners.publishEvent(new ResultsPublished(published));
    return CycleView.of(published);
  }

  /**
   * A correction after publication: the score changes, everything is recomputed and the cycle is
   * re-published with the next publication number; the change and its reason are kept.
   */
  @Transactional
  public Cycle correct(
      UUID cycleId, long expected, UUID orgId, UUID indicatorId, BigDecimal points, String reason) {
    Cycle cycle = cycles.managed(cycleId);
    CycleRules.checkVersion(cycle, expected);
    CycleRules.requireStatus(cycle, Cycle.PUBLISHED);
    cycles.requireVisibleOrg(cycle, orgId);
    Leaf leaf = indicators.leaf(cycle.indicatorVersionId(), indicatorId);
    ScoringRules.checkPoints(leaf, points);
    BigDecimal old = scores.points(cycle.id(), orgId, indicatorId);
    int next = cycle.publicationNo() + 1;
    String by = access.username();
    scores.recordCorrection(
        cycle.id(), orgId, indicatorId, old, points, reason, next, by, clock.instant());
    scores.upsertScore(
        cycle.id(), orgId, leaf.id(), points, "更正：" + reason, "CORRECTED", by, clock.instant());
    Map<UUID, String> before = results.signatures(cycle.id());
    recompute(cycle);
    cycleStore.markRepublished(cycle.id(), next, clock.instant());
    Cycle republished = cycles.visible(cycleId);
    int sent = publishResults(republished, before);
    results.recordPublication(
        republished.id(), republished.publicationNo(), reason, sent, by, clock.instant());
    listeners.publishEvent(new ResultsPublished(republished));
    return republished;
  }

  private void recompute(Cycle cycle) {
    AssessmentProperties.GradeBands g = properties.gradeBands();
    scoring.totals(cycle);
    scoring.rank(
        cycle,
        List.of(g.good(), g.fairlyGood(), g.average()),
        properties.starBands(),
        ScoringRules.minPeerGroup(properties.minPeerGroup()));
    scoring.rectificationList(cycle, properties.rectifyBelowShare());
  }

  /** Sends each org's result; with {@code before}, only the ones that changed. */
  private int publishResults(Cycle cycle, Map<UUID, String> before) {
    int sent = 0;
    for (ResultStore.Published r : results.published(cycle.id())) {
      if (before != null && Objects.equals(before.get(r.orgId()), r.signature())) {
        continue;
      }
      events.publish(
          EventTypes.ASSESSMENT_CYCLE_PUBLISHED,
          r.orgId().toString(),
          r.orgPath(),
          new CyclePublished(
              cycle.id(),
              cycle.name(),
              cycle.kind().name(),
              cycle.year(),
              cycle.quarter(),
              r.orgId(),
              r.combined(),
              r.rank(),
              r.peerSize(),
              r.percentile(),
              r.grade(),
              r.stars(),
              r.weakCandidate(),
              cycle.publicationNo()));
      sent++;
    }
    return sent;
  }
}
