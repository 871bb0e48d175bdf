package cn.dangjian.dues.ledger;

import cn.dangjian.dues.access.DuesAccess;
import cn.dangjian.dues.access.DuesAccess.Access;
import cn.dangjian.dues.audit.AuditStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.ledger.LedgerRequests.DuesAccountView;
import cn.dangjian.dues.ledger.LedgerRequests.RecordAllocation;
import cn.dangjian.dues.ledger.LedgerRequests.RecordExpense;
import cn.dangjian.dues.ledger.LedgerRequests.RecordInterest;
import cn.dangjian.dues.ledger.LedgerStore.Entry;
import cn.dangjian.dues.meeting.MeetingStore;
import cn.dangjian.dues.support.Money;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entries of an org's dues account besides members' dues: bank interest, expenses and allocations
 * (each on a collective decision, for an Art 19 use, never beyond the balance), and the reads.
 * Every write is audited in its transaction; outgoing ones lock the account first.
 */
@Service
public class LedgerService {

  private final LedgerStore store;
  private final MeetingStore meetings;
  private final DuesAccess access;
  private final AuditStore audit;
  private final Clock clock;

  LedgerService(
      LedgerStore store, MeetingStore meetings, DuesAccess access, AuditStore audit, Clock clock) {
    this.store = store;
    this.meetings = meetings;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** 利息: income of the account, with the bank's reference. */
  @Transactional
  public Entry interest(UUID orgId, RecordInterest request, Access caller) {
    ProjectedOrg org = writable(caller, orgId);
    checkDate(orgId, request.date());
    Entry entry =
        entry(
            org,
            LedgerEntryKind.INTEREST,
            request.date(),
            request.amountFen(),
            null,
            request.bankReference().strip(),
            null,
            null,
            null,
            request.note(),
            caller.username());
    store.insert(entry);
    audited("LEDGER_INTEREST", entry, "bank=" + entry.reference());
    return entry;
  }

  /** 支出: on a collective decision of the org, for an Art 19 use, within the balance. */
  @Transactional
  public Entry expense(UUID orgId, RecordExpense request, Access caller) {
    ProjectedOrg org = writable(caller, orgId);
    checkDate(orgId, request.date());
    DecisionRules.check(
        meetings.find(request.meetingId()), request.meetingId(), orgId, request.date());
    store.lock(orgId, clock.instant());
    checkBalance(orgId, request.amountFen());
    Entry entry =
        entry(
            org,
            LedgerEntryKind.EXPENSE,
            request.date(),
            request.amountFen(),
            request.purpose(),
            request.reference().strip(),
            request.meetingId(),
            null,
            null,
            request.note(),
            caller.username());
    store.insert(entry);
    audited("LEDGER_EXPENSE", entry, "purpose=" + request.purpose());
    return entry;
  }

  /**
   * 下拨: to a direct child only (requests go to the next level only, DF Art 21), on the parent's
   * collective decision, earmarked: the child's ALLOCATION_IN carries the same purpose.
   */
  @Transactional
  public Entry allocate(UUID orgId, RecordAllocation request, Access caller) {
    ProjectedOrg parent = writable(caller, orgId);
    ProjectedOrg child = access.org(caller, request.toOrgId());
    if (!orgId.equals(child.parentId()) || child.dissolved()) {
      throw ProblemException.businessRule(
          "allocation-only-to-direct-child", "ledger.rule.allocation-direct-child", child.name());
    }
    checkDate(orgId, request.date());
    checkDate(child.orgId(), request.date());
    DecisionRules.check(
        meetings.find(request.meetingId()), request.meetingId(), orgId, request.date());
    lockBoth(orgId, child.orgId());
    checkBalance(orgId, request.amountFen());
    UUID transfer = UuidV7.next();
    String reference = request.reference().strip();
    Entry out =
        entry(
            parent,
            LedgerEntryKind.ALLOCATION_OUT,
            request.date(),
            request.amountFen(),
            request.purpose(),
            reference,
            request.meetingId(),
            child.orgId(),
            transfer,
            request.note(),
            caller.username());
    Entry in =
        entry(
            child,
            LedgerEntryKind.ALLOCATION_IN,
            request.date(),
            request.amountFen(),
            request.purpose(),
            reference,
            request.meetingId(),
            orgId,
            transfer,
            request.note(),
            caller.username());
    store.insert(out);
    store.insert(in);
    audited("LEDGER_ALLOCATION", out, "to=" + child.orgId() + ", purpose=" + request.purpose());
    return out;
  }

  @Transactional(readOnly = true)
  public DuesAccountView account(UUID orgId, Access caller) {
    ProjectedOrg org = readable(caller, orgId);
    long balance = store.sums(orgId, null, tomorrow()).change();
    int thisYear = today().getYear();
    Integer published =
        IntStream.iterate(thisYear - 1, y -> y >= thisYear - 10, y -> y - 1)
            .filter(y -> store.publication(orgId, y).isPresent())
            .boxed()
            .findFirst()
            .orElse(null);
    return new DuesAccountView(orgId, org.name(), balance, Money.yuan(balance), published);
  }

  /** A year's entries with the balances around them; {@code [0]} opening, {@code [1]} closing. */
  @Transactional(readOnly = true)
  public List<Entry> entries(UUID orgId, int year, Access caller, long[] balances) {
    ProjectedOrg org = readable(caller, orgId);
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    balances[0] = store.sums(orgId, null, from).change();
    balances[1] = balances[0] + store.sums(orgId, from, to).change();
    return store.entries(orgId, org.path(), from, to);
  }

  /**
   * Staff over the org (admin, or secretary / party worker whose subtree holds it), else 404/403.
   */
  ProjectedOrg writable(Access caller, UUID orgId) {
    ProjectedOrg org = access.org(caller, orgId);
    if (!caller.staff()) {
      throw ProblemException.forbidden("dues.staff-only");
    }
    return org;
  }

  /** The account is read by staff over the org and by integration clients. */
  ProjectedOrg readable(Access caller, UUID orgId) {
    ProjectedOrg org = access.org(caller, orgId);
    if (!caller.staff() && !caller.caller().hasRole(Roles.INTEGRATION)) {
      throw ProblemException.forbidden("dues.staff-only");
    }
    return org;
  }

  private void checkDate(UUID orgId, LocalDate date) {
    if (date.isAfter(today())) {
      throw ProblemException.businessRule(
          "entry-date-in-future", "ledger.rule.date-in-future", date.toString());
    }
    if (store.publication(orgId, date.getYear()).isPresent()) {
      throw ProblemException.businessRule(
          "ledger-year-published", "ledger.rule.year-published", date.getYear());
    }
  }

  /** 量入为出: nothing goes out beyond what the account holds. */
  private void checkBalance(UUID orgId, long amountFen) {
    long balance = store.sums(orgId, null, tomorrow()).change();
    if (amountFen > balance) {
      throw ProblemException.businessRule(
          "expense-exceeds-balance",
          "ledger.rule.exceeds-balance",
          Money.yuan(amountFen),
          Money.yuan(balance));
    }
  }

  /** Both accounts, in id order, so two transfers between the same pair cannot deadlock. */
  private void lockBoth(UUID a, UUID b) {
    Instant now = clock.instant();
    boolean aFirst = a.compareTo(b) < 0;
    store.lock(aFirst ? a : b, now);
    store.lock(aFirst ? b : a, now);
  }

  private Entry entry(
      ProjectedOrg org,
      LedgerEntryKind kind,
      LocalDate date,
      long amountFen,
      SpendingPurpose purpose,
      String reference,
      UUID meetingId,
      UUID counterpart,
      UUID transfer,
      String note,
      String by) {
    return new Entry(
        UuidV7.next(),
        org.orgId(),
        org.path(),
        kind,
        date,
        amountFen,
        purpose,
        reference,
        meetingId,
        counterpart,
        transfer,
        null,
        note == null || note.isBlank() ? null : note.strip(),
        by,
        clock.instant());
  }

  private void audited(String action, Entry entry, String detail) {
    audit.record(
        action,
        entry.id(),
        entry.orgPath(),
        entry.recordedBy(),
        entry.reference(),
        "amountFen="
            + entry.amountFen()
            + ", date="
            + entry.date()
            + (entry.meetingId() == null ? "" : ", meeting=" + entry.meetingId())
            + ", "
            + detail);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(DuesConfiguration.CALENDAR));
  }

  private LocalDate tomorrow() {
    return today().plusDays(1);
  }
}
