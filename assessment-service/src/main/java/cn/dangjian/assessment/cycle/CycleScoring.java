package cn.dangjian.assessment.cycle;

import cn.dangjian.assessment.Access;
import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.cycle.CycleViews.ScoreView;
import cn.dangjian.assessment.indicator.IndicatorService;
import cn.dangjian.assessment.indicator.Leaf;
import cn.dangjian.assessment.indicator.ScorerKind;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.jobs.JobView;
import cn.dangjian.platform.jobs.Jobs;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is entered while a cycle is open: automatic scores, manual scores by the scorer each
 * indicator names, the secretary's 述职报告 and the 述职评议 ballots from above.
 */
@Service
public class CycleScoring {

  private final Access access;
  private final CycleAccess cycles;
  private final CycleStore cycleStore;
  private final ScoreStore scores;
  private final ScoringStore scoring;
  private final IndicatorService indicators;
  private final AssessmentProperties properties;
  private final Clock clock;
  // looked up when a job is queued: the job types need this service, the facility needs them
  private final ObjectProvider<Jobs> jobs;
  private final TransactionTemplate transactions;

  CycleScoring(
      Access access,
      CycleAccess cycles,
      CycleStore cycleStore,
      ScoreStore scores,
      ScoringStore scoring,
      IndicatorService indicators,
      AssessmentProperties properties,
      Clock clock,
      ObjectProvider<Jobs> jobs,
      PlatformTransactionManager transactionManager) {
    this.access = access;
    this.cycles = cycles;
    this.cycleStore = cycleStore;
    this.scores = scores;
    this.scoring = scoring;
    this.indicators = indicators;
    this.properties = properties;
    this.clock = clock;
    this.jobs = jobs;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Queues the automatic scores of every org of the cycle as of a day (default today), once the
   * caller manages the cycle and it is open.
   */
  public JobView startAutomaticScores(UUID cycleId, LocalDate asOf) {
    Cycle cycle = cycles.manageable(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    LocalDate day = asOf == null ? LocalDate.now(clock.withZone(properties.zone())) : asOf;
    return CycleJobs.submit(
        jobs.getObject(),
        CycleJobs.AUTOMATIC_SCORES,
        new CycleJobs.AutomaticScores(cycle.id(), day),
        cycle,
        access.username());
  }

  /**
   * The job: every automatic indicator for every org of the cycle, one indicator (one set-based
   * statement) per transaction, each under the cycle's lock and only while it is open.
   */
  CycleJobs.AutomaticScored automaticScores(CycleJobs.AutomaticScores job, JobContext context) {
    long started = System.nanoTime();
    Cycle cycle = transactions.execute(s -> openLocked(job.cycleId()));
    ScoringRules.Window window =
        ScoringRules.window(cycle.period(), job.asOf(), properties.memberYearlyTrainingHours());
    List<Leaf> automatic =
        indicators.leaves(cycle.indicatorVersionId()).stream()
            .filter(leaf -> leaf.source() != null)
            .toList();
    int done = 0;
    for (Leaf leaf : automatic) {
      context.checkCancelled();
      transactions.executeWithoutResult(
          s -> scoring.automatic(openLocked(job.cycleId()), leaf, window, clock.instant()));
      context.progress(++done, (long) automatic.size(), "indicators");
    }
    transactions.executeWithoutResult(s -> cycleStore.bump(openLocked(job.cycleId()).id()));
    return new CycleJobs.AutomaticScored(
        cycle.orgCount(), (System.nanoTime() - started) / 1_000_000);
  }

  private Cycle openLocked(UUID cycleId) {
    Cycle cycle = cycles.locked(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    return cycle;
  }

  /** A manual score by the scorer the indicator names; 0 ≤ points ≤ the indicator's weight. */
  @Transactional
  public ScoreView score(
      UUID cycleId, UUID orgId, UUID indicatorId, BigDecimal points, String evidence) {
    Cycle cycle = cycles.visible(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    Leaf leaf = indicators.leaf(cycle.indicatorVersionId(), indicatorId);
    ScoringRules.requireManual(leaf);
    checkScorer(cycle, orgId, leaf);
    ScoringRules.checkPoints(leaf, points);
    scores.upsertScore(
        cycle.id(),
        orgId,
        leaf.id(),
        points,
        evidence,
        "MANUAL",
        access.username(),
        clock.instant());
    return scores.scores(cycle, orgId).stream()
        .filter(s -> s.indicatorId().equals(indicatorId))
        .findFirst()
        .orElseThrow();
  }

  /** An assessor scores its assigned orgs; the department scores orgs it assesses from above. */
  private void checkScorer(Cycle cycle, UUID orgId, Leaf leaf) {
    Caller c = access.caller();
    if (leaf.scorer() == ScorerKind.ASSESSOR) {
      if (!c.hasRole(Roles.ASSESSOR)) {
        throw ProblemException.forbidden("cycle.rule.assessor-scores", leaf.name());
      }
      if (!cycleStore.isAssessorOf(cycle.id(), c.username(), orgId)) {
        throw ProblemException.notFound("cycle.org-not-found", orgId);
      }
      return;
    }
    if (!c.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER)) {
      throw ProblemException.forbidden("cycle.rule.department-scores", leaf.name());
    }
    cycles.requireVisibleOrg(cycle, orgId);
    access.orgAssessedByCaller(orgId);
  }

  /** The org's own secretary submits its 述职报告 while the cycle is open. */
  @Transactional
  public void report(UUID cycleId, UUID orgId, String text) {
    Cycle cycle = cycles.visible(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    Caller c = access.caller();
    cycles.requireVisibleOrg(cycle, orgId);
    if (!c.hasRole(Roles.SECRETARY) || !c.orgId().map(orgId::equals).orElse(false)) {
      throw ProblemException.forbidden("cycle.rule.report-by-secretary");
    }
    scores.saveReport(cycle.id(), orgId, text, c.username(), clock.instant());
  }

  /** The 述职评议 ballots, entered from above once the report is in; returns their score. */
  @Transactional
  public BigDecimal ballot(
      UUID cycleId, UUID orgId, int good, int fairlyGood, int average, int poor) {
    Cycle cycle = cycles.visible(cycleId);
    CycleRules.requireStatus(cycle, Cycle.OPEN);
    if (!access.caller().hasAnyRole(Roles.PLATFORM_ADMIN, Roles.SECRETARY, Roles.PARTY_WORKER)) {
      throw ProblemException.forbidden("cycle.rule.ballot-from-above");
    }
    cycles.requireVisibleOrg(cycle, orgId);
    access.orgAssessedByCaller(orgId);
    if (!scores.hasReport(cycle.id(), orgId)) {
      throw ProblemException.businessRule(
          "report-before-ballot", "cycle.rule.report-before-ballot");
    }
    BigDecimal score =
        CycleRules.ballotScore(good, fairlyGood, average, poor, properties.ballotPoints());
    scores.saveBallot(
        cycle.id(),
        orgId,
        new ScoreStore.Ballot(good, fairlyGood, average, poor, score),
        access.username(),
        clock.instant());
    return score;
  }
}
