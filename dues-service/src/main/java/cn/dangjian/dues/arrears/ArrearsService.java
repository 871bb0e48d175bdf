package cn.dangjian.dues.arrears;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.dues.arrears.ArrearsRules.Arrears;
import cn.dangjian.dues.arrears.ArrearsRules.BillState;
import cn.dangjian.dues.bill.Bill;
import cn.dangjian.dues.bill.BillStore;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.events.EventTypes;
import cn.dangjian.events.dues.ArrearsChanged;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
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
public class ArrearsService {

  /** Members whose row changed are written and published in transactions of this many. */
  static final int BATCH = 500;

  private final JdbcTemplate jdbc;
  private final BillStore bills;
  private final MemberProjection projection;
  private final DomainEventPublisher events;
  private final TransactionTemplate tx;
  private final Clock clock;

  public ArrearsService(
      JdbcTemplate jdbc,
      BillStore bills,
      MemberProjection projection,
      DomainEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
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
      store(member.get().memberId(), member.get().orgId(), member.get().orgPath(), now);
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
    store(member.memberId(), member.orgId(), member.orgPath(), now);
    return now;
  }

  /**
   * Recomputes every member under {@code pathPrefix} (null: everyone) set-based and writes and
   * publishes only the rows that changed. Returns how many changed.
   */
  public int refreshSubtree(String pathPrefix) {
    LocalDate current = DuesConfiguration.currentMonth(clock).atDay(1);
    List<Object> args = new ArrayList<>();
    args.add(current);
    args.add(current);
    String pathFilter = "";
    if (pathPrefix != null) {
      pathFilter = " AND m.org_path LIKE ?";
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    Map<UUID, Row> computed = new HashMap<>();
    jdbc.query(
        "SELECT b.member_id, m.org_id, m.org_path, COUNT(*) AS months, MIN(b.bill_month) AS since,"
            + " SUM(b.amount_fen) AS outstanding FROM dues_bill b"
            + " JOIN proj_member m ON m.member_id = b.member_id"
            + " WHERE b.status IN ('UNPAID','PENDING') AND b.bill_month < ?"
            + " AND b.bill_month > COALESCE((SELECT MAX(s.bill_month) FROM dues_bill s"
            + " WHERE s.member_id = b.member_id AND s.status IN ('PAID','WAIVED')"
            + " AND s.bill_month < ?), DATE '1000-01-01')"
            + pathFilter
            + " GROUP BY b.member_id, m.org_id, m.org_path",
        rs -> {
          UUID id = uuid(rs.getBytes("member_id"));
          computed.put(
              id,
              new Row(
                  id,
                  uuid(rs.getBytes("org_id")),
                  rs.getString("org_path"),
                  new Arrears(
                      rs.getInt("months"),
                      YearMonth.from(rs.getObject("since", LocalDate.class)),
                      rs.getLong("outstanding"))));
        },
        args.toArray());
    Map<UUID, Integer> stored = new HashMap<>();
    List<Object> storedArgs = new ArrayList<>();
    String storedFilter = "";
    if (pathPrefix != null) {
      storedFilter = " WHERE m.org_path LIKE ?";
      storedArgs.add(MemberProjection.prefixPattern(pathPrefix));
    }
    Map<UUID, Row> previousRows = new HashMap<>();
    jdbc.query(
        "SELECT a.member_id, a.months, m.org_id, m.org_path FROM dues_arrears a"
            + " JOIN proj_member m ON m.member_id = a.member_id"
            + storedFilter,
        rs -> {
          UUID id = uuid(rs.getBytes("member_id"));
          stored.put(id, rs.getInt("months"));
          previousRows.put(
              id, new Row(id, uuid(rs.getBytes("org_id")), rs.getString("org_path"), null));
        },
        storedArgs.toArray());
    List<Row> changed = new ArrayList<>();
    for (Row row : computed.values()) {
      if (!Integer.valueOf(row.arrears().months()).equals(stored.get(row.memberId()))) {
        changed.add(row);
      }
    }
    for (Map.Entry<UUID, Integer> entry : stored.entrySet()) {
      if (!computed.containsKey(entry.getKey()) && entry.getValue() != 0) {
        Row previous = previousRows.get(entry.getKey());
        changed.add(
            new Row(previous.memberId(), previous.orgId(), previous.orgPath(), Arrears.NONE));
      }
    }
    for (int from = 0; from < changed.size(); from += BATCH) {
      List<Row> batch = changed.subList(from, Math.min(changed.size(), from + BATCH));
      tx.executeWithoutResult(
          status -> batch.forEach(r -> store(r.memberId(), r.orgId(), r.orgPath(), r.arrears())));
    }
    return changed.size();
  }

  private record Row(UUID memberId, UUID orgId, String orgPath, Arrears arrears) {}

  /**
   * Upserts the row; publishes when the number of months changed. A member who never was in arrears
   * gets no row. No locking read: concurrent writers of one member are already serialised by the
   * bill rows they take, and a locking read of a missing row (a gap lock) would deadlock concurrent
   * inserts of neighbouring members.
   */
  private void store(UUID memberId, UUID orgId, String orgPath, Arrears arrears) {
    List<Map<String, Object>> before =
        jdbc.queryForList(
            "SELECT months, outstanding_fen, org_path FROM dues_arrears WHERE member_id = ?",
            bytes(memberId));
    int previous = before.isEmpty() ? 0 : ((Number) before.get(0).get("months")).intValue();
    boolean unchanged =
        before.isEmpty()
            ? arrears.months() == 0
            : previous == arrears.months()
                && ((Number) before.get(0).get("outstanding_fen")).longValue()
                    == arrears.outstandingFen()
                && orgPath.equals(before.get(0).get("org_path"));
    if (unchanged) {
      return;
    }
    jdbc.update(
        "INSERT INTO dues_arrears (member_id, org_id, org_path, months, since_month,"
            + " outstanding_fen, updated_at) VALUES (?,?,?,?,?,?,?)"
            + " ON DUPLICATE KEY UPDATE org_id = VALUES(org_id), org_path = VALUES(org_path),"
            + " months = VALUES(months), since_month = VALUES(since_month),"
            + " outstanding_fen = VALUES(outstanding_fen), updated_at = VALUES(updated_at)",
        bytes(memberId),
        bytes(orgId),
        orgPath,
        arrears.months(),
        arrears.since() == null ? null : Months.sql(arrears.since()),
        arrears.outstandingFen(),
        Times.utc(clock.instant()));
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
