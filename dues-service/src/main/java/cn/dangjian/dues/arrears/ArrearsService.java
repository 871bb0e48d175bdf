package cn.dangjian.dues.arrears;

import cn.dangjian.dues.arrears.ArrearsRules.Arrears;
import cn.dangjian.dues.arrears.ArrearsRules.BillState;
import cn.dangjian.dues.arrears.ArrearsStore.Row;
import cn.dangjian.dues.arrears.ArrearsStore.Stored;
import cn.dangjian.dues.arrears.ArrearsStore.StoredMonths;
import cn.dangjian.dues.bill.ArrearsRecount;
import cn.dangjian.dues.bill.Bill;
import cn.dangjian.dues.bill.BillStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code dues_arrears} (consecutive unpaid months per member) in step with the bills and
 * publishes {@code dues.arrears.changed} through the outbox whenever a member's count changes.
 */
@Service
public class ArrearsService implements ArrearsRecount {

  /** Members whose row changed are written and published in transactions of this many. */
  static final int BATCH = 500;

  private final ArrearsStore store;
  private final BillStore bills;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  ArrearsService(
      ArrearsStore store,
      BillStore bills,
      MemberProjection projection,
      DomainEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.bills = bills;
    this.projection = projection;
    this.events = events;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** One member's arrears now, from their bills. */
  public Arrears compute(UUID memberId) {
    Map<YearMonth, BillState> states = new TreeMap<>();
    for (Bill bill : bills.ofMember(memberId)) {
      states.put(bill.month(), new BillState(bill.status(), bill.amountFen()));
    }
    return ArrearsRules.of(states, DuesConfiguration.currentMonth(clock));
  }

  /**
   * Recomputes one member (after a payment, reversal or re-pricing) in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Arrears refresh(UUID memberId) {
    Arrears now = compute(memberId);
    Optional<ProjectedMember> member = projection.member(memberId);
    if (member.isPresent()) {
      write(member.get().memberId(), member.get().orgId(), member.get().orgPath(), now);
    }
    return now;
  }

  /**
   * The member's arrears from bill states the caller already holds (a payment that just changed
   * them), without reading the bills again.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Arrears refresh(ProjectedMember member, Map<YearMonth, BillState> states) {
    Arrears now = ArrearsRules.of(states, DuesConfiguration.currentMonth(clock));
    write(member.memberId(), member.orgId(), member.orgPath(), now);
    return now;
  }

  /** After a bill run (the bill feature calls through {@link ArrearsRecount}). */
  @Override
  public int subtree(String pathPrefix) {
    return refreshSubtree(pathPrefix);
  }

  /** After a member's bills were re-priced. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void member(UUID memberId) {
    refresh(memberId);
  }

  /**
   * Recomputes every member under {@code pathPrefix} (null: everyone) set-based and writes and
   * publishes only the rows that changed. Returns how many changed.
   */
  public int refreshSubtree(String pathPrefix) {
    Map<UUID, Row> computed =
        store.computeUnder(pathPrefix, DuesConfiguration.currentMonth(clock).atDay(1));
    Map<UUID, StoredMonths> stored = store.storedUnder(pathPrefix);
    List<Row> changed = new ArrayList<>();
    for (Row row : computed.values()) {
      StoredMonths before = stored.get(row.memberId());
      if (before == null || before.months() != row.arrears().months()) {
        changed.add(row);
      }
    }
    // members no longer in arrears: their stored count goes back to 0
    for (StoredMonths before : stored.values()) {
      if (!computed.containsKey(before.memberId()) && before.months() != 0) {
        changed.add(new Row(before.memberId(), before.orgId(), before.orgPath(), Arrears.NONE));
      }
    }
    for (int from = 0; from < changed.size(); from += BATCH) {
      List<Row> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
      tx.executeWithoutResult(
          status -> batch.forEach(r -> write(r.memberId(), r.orgId(), r.orgPath(), r.arrears())));
    }
    return changed.size();
  }

  /**
   * Upserts the row; publishes when the number of months changed. A member who never was in arrears
   * gets no row. No locking read: concurrent writers of one member are already serialised by the
   * bill rows they take, and a locking read of a missing row (a gap lock) would deadlock concurrent
   * inserts of neighbouring members.
   */
  private void write(UUID memberId, UUID orgId, String orgPath, Arrears arrears) {
    Optional<Stored> before = store.find(memberId);
    int previous = before.map(Stored::months).orElse(0);
    boolean unchanged =
        before.isEmpty()
            ? arrears.months() == 0
            : previous == arrears.months()
                && before.get().outstandingFen() == arrears.outstandingFen()
                && orgPath.equals(before.get().orgPath());
    if (unchanged) {
      return;
    }
    store.upsert(memberId, orgId, orgPath, arrears, clock.instant());
    if (previous != arrears.months()) {
      events.publish(
          EventTypes.DUES_ARREARS_CHANGED,
          memberId.toString(),
          orgPath,
          new ArrearsChanged(
              memberId,
              orgId,
              arrears.months(),
              arrears.since() == null ? null : arrears.since().toString(),
              arrears.outstandingFen()));
    }
  }
}
