package cn.dangjian.dues.bill;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.bill.BillRunStore.Issued;
import cn.dangjian.dues.bill.BillRunStore.Root;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.config.DuesProperties;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.BillsIssued;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly bill runs: set-based, in member-id chunks of one transaction each, idempotent through the
 * (member_id, bill_month) key — running a month twice issues nothing new, and a run that stopped
 * half-way is completed by running it again.
 */
@Service
public class BillRunService {

  private static final Logger log = LoggerFactory.getLogger(BillRunService.class);

  private final BillRunStore bills;
  private final DuesAccess access;
  private final ArrearsRecount arrears;
  private final DomainEventPublisher events;
  private final AuditStore audit;
  private final DuesProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  public BillRunService(
      BillRunStore bills,
      DuesAccess access,
      ArrearsRecount arrears,
      DomainEventPublisher events,
      AuditStore audit,
      DuesProperties properties,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.bills = bills;
    this.access = access;
    this.arrears = arrears;
    this.events = events;
    this.audit = audit;
    this.properties = properties;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The outcome of a run over one subtree. */
  public record RunResult(
      UUID runId,
      String month,
      UUID orgId,
      int issued,
      int billed,
      long amountFen,
      int arrearsChanged,
      long tookMs) {}

  /**
   * Bills {@code month} for the given subtrees (each its own event). A month after the current one
   * is refused: future months are only billed by a prepayment.
   */
  public List<RunResult> run(YearMonth month, List<Root> roots, String actor) {
    return run(month, roots, actor, null);
  }

  /**
   * As {@link #run(YearMonth, List, String)}, run as a job: progress in members' chunks, and a
   * cancel request honoured between chunks (each chunk is committed: running the month again
   * completes it).
   */
  public List<RunResult> run(
      YearMonth month, List<Root> roots, String actor, @Nullable JobContext job) {
    checkMonth(month);
    List<RunResult> results = new ArrayList<>();
    for (Root root : roots) {
      results.add(runOne(month, root, actor, job));
    }
    return results;
  }

  /** A month after the current one is refused: future months are only billed by a prepayment. */
  public void checkMonth(YearMonth month) {
    if (month.isAfter(DuesConfiguration.currentMonth(clock))) {
      throw ProblemException.businessRule(
          "no-bills-for-future-months", "bill.rule.no-future-months", month.toString());
    }
  }

  /**
   * The subtrees a run covers: the given org (in scope, else 404); without one, the caller's anchor
   * org, or every root of the tree for a platform-wide caller.
   */
  public List<Root> roots(Access caller, UUID orgId) {
    if (orgId != null) {
      ProjectedOrg org = access.org(caller, orgId);
      return List.of(new Root(org.orgId(), org.path()));
    }
    if (caller.scope().kind() == DataScope.Kind.ALL) {
      return bills.allRoots();
    }
    if (caller.scope().kind() != DataScope.Kind.SUBTREE) {
      // an org this service has not learned yet gives an empty scope: never "no path filter"
      throw ProblemException.forbidden("dues.staff-only");
    }
    UUID anchor = caller.caller().orgId().orElseThrow();
    return List.of(new Root(anchor, caller.scope().pathPrefix()));
  }

  private RunResult runOne(YearMonth month, Root root, String actor, @Nullable JobContext job) {
    Instant started = clock.instant();
    UUID runId = UuidV7.next();
    int issuedNow = issue(month, root, job);
    Issued totals = bills.totals(month, root.path());
    tx.executeWithoutResult(
        s -> {
          events.publish(
              EventTypes.DUES_BILL_ISSUED,
              root.orgId().toString(),
              root.path(),
              new BillsIssued(
                  runId,
                  month.toString(),
                  root.orgId(),
                  issuedNow,
                  totals.issued(),
                  totals.amountFen()));
          audit.record(
              "BILL_RUN",
              runId,
              root.path(),
              actor,
              null,
              "month=" + month + ", issued=" + issuedNow + ", billed=" + totals.issued());
        });
    int arrearsChanged = arrears.subtree(root.path());
    long took = Duration.between(started, clock.instant()).toMillis();
    log.info(
        "bill run {} for {} under {}: {} issued, {} billed, {} ms",
        runId,
        month,
        root.orgId(),
        issuedNow,
        totals.issued(),
        took);
    return new RunResult(
        runId,
        month.toString(),
        root.orgId(),
        issuedNow,
        totals.issued(),
        totals.amountFen(),
        arrearsChanged,
        took);
  }

  /**
   * Issues the month under the root: one statement, or member-id chunks of one transaction each.
   */
  private int issue(YearMonth month, Root root, @Nullable JobContext job) {
    int chunkSize = properties.generation().chunkSize();
    long members = bills.membersUnder(root.path());
    if (members <= chunkSize) {
      Integer all =
          tx.execute(s -> bills.issueChunk(month, root.path(), null, null, clock.instant(), false));
      return all == null ? 0 : all;
    }
    int issued = 0;
    List<UUID> bounds = bills.chunkBoundaries(root.path(), chunkSize);
    UUID from = null;
    for (int i = 0; i <= bounds.size(); i++) {
      if (job != null) {
        job.checkCancelled();
        job.progress(Math.min(members, (long) i * chunkSize), members, "members");
      }
      UUID to = i < bounds.size() ? bounds.get(i) : null;
      UUID lower = from;
      Integer chunk =
          tx.execute(s -> bills.issueChunk(month, root.path(), lower, to, clock.instant(), true));
      issued += chunk == null ? 0 : chunk;
      from = to;
    }
    return issued;
  }
}
