package cn.dangjian.dues.ledger;

import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.config.RemittanceProperties;
import cn.dangjian.dues.ledger.LedgerStore.Entry;
import cn.dangjian.platform.jobs.JobContext;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The quarterly upward remittance (党费上缴): every org with dues in the quarter remits its ratio of
 * the quarter's dues income to its parent — REMITTANCE_OUT on the org and REMITTANCE_IN on the
 * parent in one transaction per org. Idempotent per org and quarter (the OUT entry is the key):
 * running a quarter again changes nothing. The base is the org's own members' dues; remittances it
 * received are not passed on again.
 */
@Service
public class RemittanceRun {

  private static final Logger log = LoggerFactory.getLogger(RemittanceRun.class);

  /** What a run did. */
  public record Outcome(
      String quarter,
      int orgs,
      int remitted,
      int alreadyRemitted,
      int withoutParent,
      long amountFen,
      long tookMs) {}

  private enum Result {
    REMITTED,
    ALREADY,
    NO_PARENT,
    NOTHING
  }

  private final LedgerStore store;
  private final LedgerService ledger;
  private final MemberProjection projection;
  private final RemittanceRatios ratios;
  private final AuditStore audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  RemittanceRun(
      LedgerStore store,
      LedgerService ledger,
      MemberProjection projection,
      RemittanceProperties properties,
      AuditStore audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.projection = projection;
    this.ratios = new RemittanceRatios(properties);
    this.audit = audit;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  public Outcome run(
      Quarter quarter, @Nullable String pathPrefix, String actor, @Nullable JobContext job) {
    long started = System.nanoTime();
    List<UUID> orgs = store.orgsWithDues(quarter.start(), quarter.end(), pathPrefix);
    int remitted = 0;
    int already = 0;
    int noParent = 0;
    long[] amount = new long[1];
    for (int i = 0; i < orgs.size(); i++) {
      if (job != null) {
        job.checkCancelled();
        job.progress(i, (long) orgs.size(), "orgs");
      }
      UUID orgId = orgs.get(i);
      Result result;
      try {
        result = tx.execute(s -> remit(orgId, quarter, actor, amount));
      } catch (DuplicateKeyException raced) {
        result = Result.ALREADY; // another run remitted this org's quarter meanwhile
      }
      switch (result) {
        case REMITTED -> remitted++;
        case ALREADY -> already++;
        case NO_PARENT -> noParent++;
        case NOTHING -> {}
      }
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    Outcome outcome =
        new Outcome(
            quarter.toString(), orgs.size(), remitted, already, noParent, amount[0], tookMs);
    tx.executeWithoutResult(
        s ->
            audit.record(
                "REMITTANCE_RUN",
                null,
                pathPrefix,
                actor,
                null,
                "quarter="
                    + quarter
                    + ", remitted="
                    + outcome.remitted()
                    + ", amountFen="
                    + outcome.amountFen()));
    log.info("remittance run {}: {}", quarter, outcome);
    return outcome;
  }

  private Result remit(UUID orgId, Quarter quarter, String actor, long[] total) {
    ProjectedOrg org = projection.org(orgId).orElse(null);
    if (org == null || org.parentId() == null) {
      return Result.NO_PARENT; // the top of the tree here remits outside the platform
    }
    ProjectedOrg parent = projection.org(org.parentId()).orElse(null);
    if (parent == null) {
      return Result.NO_PARENT;
    }
    String period = quarter.toString();
    if (store.remitted(orgId, period)) {
      return Result.ALREADY;
    }
    long income = store.sums(orgId, quarter.start(), quarter.end()).duesFen();
    BigDecimal percent = ratios.percentFor(org.path(), org.orgType());
    long amount = income <= 0 ? 0 : RemittanceRatios.share(income, percent);
    if (amount == 0) {
      return Result.NOTHING;
    }
    Instant now = clock.instant();
    LocalDate today = ledger.today();
    boolean orgFirst = orgId.compareTo(parent.orgId()) < 0;
    store.lock(orgFirst ? orgId : parent.orgId(), now);
    store.lock(orgFirst ? parent.orgId() : orgId, now);
    UUID transfer = UuidV7.next();
    String reference = "上缴 " + period + "（" + percent.stripTrailingZeros().toPlainString() + "%）";
    store.insert(
        new Entry(
            UuidV7.next(),
            orgId,
            org.path(),
            LedgerEntryKind.REMITTANCE_OUT,
            today,
            amount,
            null,
            reference,
            null,
            parent.orgId(),
            transfer,
            period,
            null,
            actor,
            now));
    store.insert(
        new Entry(
            UuidV7.next(),
            parent.orgId(),
            parent.path(),
            LedgerEntryKind.REMITTANCE_IN,
            today,
            amount,
            null,
            reference,
            null,
            orgId,
            transfer,
            null,
            null,
            actor,
            now));
    total[0] += amount;
    return Result.REMITTED;
  }
}
