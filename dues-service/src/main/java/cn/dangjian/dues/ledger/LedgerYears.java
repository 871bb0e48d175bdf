package cn.dangjian.dues.ledger;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.ledger.LedgerRequests.IncomeFigures;
import cn.dangjian.dues.ledger.LedgerRequests.LedgerYearReport;
import cn.dangjian.dues.ledger.LedgerRequests.MonthDues;
import cn.dangjian.dues.ledger.LedgerRequests.PurposeAmount;
import cn.dangjian.dues.ledger.LedgerRequests.SpendingFigures;
import cn.dangjian.dues.ledger.LedgerStore.Sums;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.LedgerPublished;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A year of an org's dues account (opening balance, income by kind, spending by purpose,
 * allocations, remittances, closing balance, dues per month) and its publication to the members
 * (DOMAIN.md §3.3: branches publish collections annually): published figures are stored as shown
 * and frozen; the members of the org read them.
 */
@Service
public class LedgerYears {

  private final LedgerStore store;
  private final LedgerService ledger;
  private final DuesAccess access;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final AuditStore audit;
  private final JsonMapper json;
  private final Clock clock;

  LedgerYears(
      LedgerStore store,
      LedgerService ledger,
      DuesAccess access,
      MemberProjection projection,
      DomainEventPublisher events,
      AuditStore audit,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.ledger = ledger;
    this.access = access;
    this.projection = projection;
    this.events = events;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Staff and integration clients read any year in scope (published: as published); a member reads
   * the published years of the org holding their relationship, nothing else.
   */
  @Transactional(readOnly = true)
  public LedgerYearReport report(UUID orgId, int year, Access caller) {
    checkYear(year);
    if (caller.scope().kind() == DataScope.Kind.SELF) {
      boolean own =
          projection
              .member(caller.scope().selfMemberId())
              .map(ProjectedMember::orgId)
              .filter(orgId::equals)
              .isPresent();
      if (!own) {
        throw ProblemException.notFound("dues.org-not-found", orgId);
      }
      return published(orgId, year)
          .orElseThrow(() -> ProblemException.notFound("ledger.year-not-published", year));
    }
    ProjectedOrg org = ledger.readable(caller, orgId);
    return published(orgId, year).orElseGet(() -> compute(org, year));
  }

  /** Freezes the year and tells the members (and the platform) through the outbox. */
  @Transactional
  public LedgerYearReport publish(UUID orgId, int year, Access caller) {
    ProjectedOrg org = ledger.writable(caller, orgId);
    checkYear(year);
    if (year >= ledger.today().getYear()) {
      throw ProblemException.businessRule(
          "ledger-year-not-ended", "ledger.rule.year-not-ended", year);
    }
    Instant now = clock.instant();
    LedgerYearReport report = compute(org, year).published(now, caller.username());
    try {
      store.publish(
          orgId, year, org.path(), json.writeValueAsString(report), caller.username(), now);
    } catch (DuplicateKeyException e) {
      throw ProblemException.conflict("ledger.year-already-published", year);
    }
    events.publish(
        EventTypes.DUES_LEDGER_PUBLISHED,
        orgId.toString(),
        org.path(),
        new LedgerPublished(
            orgId,
            year,
            report.openingBalanceFen(),
            report.income().duesFen(),
            report.income().interestFen(),
            report.income().allocationInFen(),
            report.income().remittanceInFen(),
            report.spending().expenseFen(),
            report.spending().allocationOutFen(),
            report.spending().remittanceOutFen(),
            report.passedToCentreFen(),
            report.closingBalanceFen(),
            now));
    audit.record(
        "LEDGER_PUBLISHED",
        orgId,
        org.path(),
        caller.username(),
        null,
        "year=" + year + ", closingBalanceFen=" + report.closingBalanceFen());
    return report;
  }

  private Optional<LedgerYearReport> published(UUID orgId, int year) {
    return store
        .publication(orgId, year)
        .map(figures -> json.readValue(figures, LedgerYearReport.class));
  }

  private LedgerYearReport compute(ProjectedOrg org, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    long opening = store.sums(org.orgId(), null, from).change();
    Sums y = store.sums(org.orgId(), from, to);
    long dues = y.of(LedgerEntryKind.DUES);
    long interest = y.of(LedgerEntryKind.INTEREST);
    long allocationIn = y.of(LedgerEntryKind.ALLOCATION_IN);
    long remittanceIn = y.of(LedgerEntryKind.REMITTANCE_IN);
    IncomeFigures income =
        new IncomeFigures(
            dues,
            interest,
            allocationIn,
            remittanceIn,
            dues + interest + allocationIn + remittanceIn);
    long expense = y.of(LedgerEntryKind.EXPENSE);
    long allocationOut = y.of(LedgerEntryKind.ALLOCATION_OUT);
    long remittanceOut = y.of(LedgerEntryKind.REMITTANCE_OUT);
    SpendingFigures spending =
        new SpendingFigures(
            expense,
            byPurpose(y.byPurpose().get(LedgerEntryKind.EXPENSE)),
            allocationOut,
            byPurpose(y.byPurpose().get(LedgerEntryKind.ALLOCATION_OUT)),
            remittanceOut,
            expense + allocationOut + remittanceOut);
    List<MonthDues> months = new ArrayList<>();
    store
        .duesByMonth(org.orgId(), year)
        .forEach((m, fen) -> months.add(new MonthDues(m.toString(), fen)));
    return new LedgerYearReport(
        org.orgId(),
        org.name(),
        year,
        false,
        null,
        null,
        opening,
        income,
        spending,
        y.passedFen(),
        opening + y.change(),
        months);
  }

  private static List<PurposeAmount> byPurpose(Map<SpendingPurpose, Long> amounts) {
    List<PurposeAmount> list = new ArrayList<>();
    for (SpendingPurpose purpose : SpendingPurpose.values()) {
      long fen = amounts == null ? 0 : amounts.getOrDefault(purpose, 0L);
      list.add(new PurposeAmount(purpose, purpose.label(), fen));
    }
    return list;
  }

  private void checkYear(int year) {
    if (year > ledger.today().getYear()) {
      throw ProblemException.businessRule(
          "ledger-year-not-started", "ledger.rule.year-not-started", year);
    }
  }
}
