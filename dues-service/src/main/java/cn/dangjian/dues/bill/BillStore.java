package cn.dangjian.dues.bill;

import static cn.dangjian.dues.bill.BillSql.BILL;
import static cn.dangjian.dues.bill.BillSql.COLUMNS;
import static cn.dangjian.dues.bill.BillSql.FIXED_CATEGORIES;
import static cn.dangjian.dues.bill.BillSql.IN_SUBTREE;
import static cn.dangjian.dues.bill.BillSql.PROFILE_JOIN;
import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.profile.DuesRates;
import cn.dangjian.dues.profile.DuesRules;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bills read and changed one member or payment at a time: lists, prices, re-pricing, and taking a
 * bill for a payment by a conditional UPDATE, so a bill is never paid twice.
 */
@Repository
public class BillStore {

  private final JdbcTemplate jdbc;
  private final DuesRates rates;

  public BillStore(JdbcTemplate jdbc, DuesRules rules) {
    this.jdbc = jdbc;
    this.rates = rules.rates();
  }

  /** What a bill of {@code month} would charge the member now (category, amount, profile). */
  public record Price(String category, long amountFen, UUID profileId) {}

  public Optional<Price> price(UUID memberId, YearMonth month) {
    java.sql.Date first = Months.sql(month);
    return jdbc
        .query(
            "SELECT COALESCE(p.category, m.dues_category) AS category, "
                + BillSql.amountSql(rates)
                + " AS amount, p.id AS profile_id FROM proj_member m"
                + PROFILE_JOIN
                + " WHERE m.member_id = ? AND (p.id IS NOT NULL OR m.dues_category IN ("
                + FIXED_CATEGORIES
                + "))",
            (rs, n) ->
                new Price(
                    rs.getString("category"),
                    rs.getLong("amount"),
                    uuid(rs.getBytes("profile_id"))),
            first,
            first,
            bytes(memberId))
        .stream()
        .findFirst();
  }

  /** Re-prices the member's UNPAID bills after an assessment changed (補核: from its month on). */
  public int repriceUnpaid(UUID memberId, YearMonth from) {
    int changed = 0;
    for (Bill bill : ofMember(memberId)) {
      if (bill.status() != BillStatus.UNPAID || bill.month().isBefore(from)) {
        continue;
      }
      Optional<Price> price = price(memberId, bill.month());
      if (price.isPresent() && price.get().amountFen() != bill.amountFen()) {
        changed +=
            jdbc.update(
                "UPDATE dues_bill SET amount_fen = ?, category = ?, profile_id = ?,"
                    + " status = CASE WHEN ? = 0 THEN 'WAIVED' ELSE status END, version = version + 1"
                    + " WHERE id = ? AND status = 'UNPAID'",
                price.get().amountFen(),
                price.get().category(),
                bytes(price.get().profileId()),
                price.get().amountFen(),
                bytes(bill.id()));
      }
    }
    return changed;
  }

  public List<Bill> ofMember(UUID memberId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM dues_bill WHERE member_id = ? ORDER BY bill_month",
        BILL,
        bytes(memberId));
  }

  public Optional<Bill> ofMemberMonth(UUID memberId, YearMonth month) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM dues_bill WHERE member_id = ? AND bill_month = ?",
            BILL,
            bytes(memberId),
            Months.sql(month))
        .stream()
        .findFirst();
  }

  public Optional<Bill> find(UUID id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM dues_bill WHERE id = ?", BILL, bytes(id))
        .stream()
        .findFirst();
  }

  public List<Bill> ofPayment(UUID paymentId) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM dues_bill WHERE payment_id = ? ORDER BY bill_month",
        BILL,
        bytes(paymentId));
  }

  /** A filtered page of bills (scope applied by the caller through path/member). */
  public List<Bill> page(
      String pathPrefix,
      UUID memberId,
      YearMonth month,
      BillStatus status,
      int limit,
      long offset) {
    List<Object> args = new ArrayList<>();
    String where = where(pathPrefix, memberId, month, status, args);
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM dues_bill"
            + where
            + " ORDER BY bill_month DESC, member_id LIMIT "
            + limit
            + " OFFSET "
            + offset,
        BILL,
        args.toArray());
  }

  public long count(String pathPrefix, UUID memberId, YearMonth month, BillStatus status) {
    List<Object> args = new ArrayList<>();
    String where = where(pathPrefix, memberId, month, status, args);
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM dues_bill" + where, Long.class, args.toArray());
  }

  private static String where(
      String pathPrefix, UUID memberId, YearMonth month, BillStatus status, List<Object> args) {
    List<String> clauses = new ArrayList<>();
    if (pathPrefix != null) {
      clauses.add(IN_SUBTREE);
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    if (memberId != null) {
      clauses.add("member_id = ?");
      args.add(bytes(memberId));
    }
    if (month != null) {
      clauses.add("bill_month = ?");
      args.add(Months.sql(month));
    }
    if (status != null) {
      clauses.add("status = ?");
      args.add(status.name());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  /**
   * Takes an UNPAID bill for a payment. Returns false when another payment got it first: the
   * database decides, so two concurrent payments can never both take one bill.
   */
  public boolean take(UUID billId, UUID paymentId, BillStatus to, Instant paidAt) {
    return jdbc.update(
            "UPDATE dues_bill SET status = ?, payment_id = ?, paid_at = ?, version = version + 1"
                + " WHERE id = ? AND status = 'UNPAID'",
            to.name(),
            bytes(paymentId),
            Times.utc(paidAt),
            bytes(billId))
        == 1;
  }

  /** Creates a prepaid bill for a future month (status PAID or PENDING), or false if it exists. */
  public boolean insertPrepaid(
      UUID memberId,
      YearMonth month,
      UUID orgId,
      Price price,
      UUID paymentId,
      BillStatus status,
      Instant now,
      Instant paidAt) {
    return jdbc.update(
            "INSERT IGNORE INTO dues_bill (id, member_id, bill_month, org_id, category,"
                + " amount_fen, status, origin, profile_id, payment_id, paid_at, issued_at, version)"
                + " VALUES (?,?,?,?,?,?,?,'PREPAY',?,?,?,?,0)",
            bytes(UuidV7.next()),
            bytes(memberId),
            Months.sql(month),
            bytes(orgId),
            price.category(),
            price.amountFen(),
            status.name(),
            bytes(price.profileId()),
            bytes(paymentId),
            Times.utc(paidAt),
            Times.utc(now))
        == 1;
  }

  /** An online payment was confirmed: its PENDING bills become PAID. */
  public int confirm(UUID paymentId, Instant paidAt) {
    return jdbc.update(
        "UPDATE dues_bill SET status = 'PAID', paid_at = ?, version = version + 1"
            + " WHERE payment_id = ? AND status = 'PENDING'",
        Times.utc(paidAt),
        bytes(paymentId));
  }

  /**
   * Frees a payment's bills (expiry or reversal): prepaid bills for months not yet begun are
   * removed, the others become UNPAID again.
   */
  public int release(UUID paymentId, YearMonth current) {
    int removed =
        jdbc.update(
            "DELETE FROM dues_bill WHERE payment_id = ? AND origin = 'PREPAY' AND bill_month > ?",
            bytes(paymentId),
            Months.sql(current));
    return removed
        + jdbc.update(
            "UPDATE dues_bill SET status = 'UNPAID', payment_id = NULL, paid_at = NULL,"
                + " version = version + 1 WHERE payment_id = ?",
            bytes(paymentId));
  }
}
