package cn.dangjian.dues.bill;

import static cn.dangjian.platform.projection.Uuids.bytes;
import static cn.dangjian.platform.projection.Uuids.uuid;

import cn.dangjian.dues.profile.DuesRates;
import cn.dangjian.dues.profile.DuesRules;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.persistence.UuidV7;
import cn.dangjian.platform.projection.MemberProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Bills in SQL: generation is set-based ({@code INSERT IGNORE … SELECT} from the member projection
 * joined with the profile in force), the unique key (member_id, bill_month) makes it idempotent,
 * and taking a bill for a payment is a conditional UPDATE, so a bill is never paid twice.
 */
@Repository
public class BillStore {

  static final String COLUMNS =
      "id, member_id, bill_month, org_id,"
          + " (SELECT o.path FROM proj_org o WHERE o.org_id = dues_bill.org_id) AS org_path,"
          + " category, amount_fen, status, origin,"
          + " profile_id, payment_id, paid_at, issued_at, version";

  /**
   * Bills of orgs in a subtree. The subtree is read from proj_org (whose paths follow moves), the
   * bills by (bill_month, org_id).
   */
  public static final String IN_SUBTREE =
      "org_id IN (SELECT o.org_id FROM proj_org o WHERE o.path LIKE ?)";

  /** Categories billed without a profile: their amount does not depend on a declared base. */
  static final String FIXED_CATEGORIES = "'FARMER','STUDENT','UNEMPLOYED','LOW_INCOME'";

  static final RowMapper<Bill> BILL =
      (rs, n) ->
          new Bill(
              uuid(rs.getBytes("id")),
              uuid(rs.getBytes("member_id")),
              YearMonth.from(rs.getObject("bill_month", LocalDate.class)),
              uuid(rs.getBytes("org_id")),
              rs.getString("org_path"),
              rs.getString("category"),
              rs.getLong("amount_fen"),
              BillStatus.valueOf(rs.getString("status")),
              rs.getString("origin"),
              uuid(rs.getBytes("profile_id")),
              uuid(rs.getBytes("payment_id")),
              instant(rs, "paid_at"),
              instant(rs, "issued_at"),
              rs.getLong("version"));

  private final JdbcTemplate jdbc;
  private final DuesRates rates;

  public BillStore(JdbcTemplate jdbc, DuesRules rules) {
    this.jdbc = jdbc;
    this.rates = rules.rates();
  }

  /**
   * The amount a bill of {@code ?month} charges, for a member row {@code m} and the profile {@code
   * p} in force (LEFT JOINed; NULL when there is none). Mirrors {@link DuesRules#amountFor}.
   */
  String amountSql() {
    return "CASE WHEN p.id IS NOT NULL THEN"
        + " (CASE WHEN p.hardship <> 'NONE' AND p.hardship_until >= ? THEN COALESCE(p.hardship_fen, 0)"
        + " ELSE p.standard_fen END)"
        + " WHEN m.dues_category = 'FARMER' THEN "
        + rates.farmerDefaultFen()
        + " ELSE "
        + rates.fixedFen()
        + " END";
  }

  /** The profile in force in {@code ?month}: the latest one whose month is not after it. */
  static final String PROFILE_JOIN =
      " LEFT JOIN dues_profile p ON p.member_id = m.member_id AND p.effective_month ="
          + " (SELECT MAX(p2.effective_month) FROM dues_profile p2"
          + " WHERE p2.member_id = m.member_id AND p2.effective_month <= ?)";

  static final String PROFILE_JOIN_IN_MEMBER_ORDER =
      PROFILE_JOIN.replace(
          " LEFT JOIN dues_profile p ON",
          " LEFT JOIN dues_profile p FORCE INDEX (idx_profile_in_force) ON");

  /** Members in a subtree (any status): decides between one statement and member-id chunks. */
  public long membersUnder(String pathPrefix) {
    if (pathPrefix == null) {
      return jdbc.queryForObject("SELECT COUNT(*) FROM proj_member", Long.class);
    }
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM proj_member WHERE org_path LIKE ?",
        Long.class,
        MemberProjection.prefixPattern(pathPrefix));
  }

  /**
   * Who is billed for a month: admitted members (probationary from the month of admission, DF Art
   * 8) whose membership is active. Suspended (停止党籍) and final states are not billed.
   */
  static final String BILLABLE =
      " m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY','FULL')"
          + " AND (m.join_date IS NULL OR m.join_date < ?)"
          + " AND (p.id IS NOT NULL OR m.dues_category IN ("
          + FIXED_CATEGORIES
          + "))";

  /** A UUIDv7 made by the database: 48-bit milliseconds, version 7, variant 10, random bits. */
  static final String UUID_V7_SQL =
      "UNHEX(CONCAT(LPAD(HEX(FLOOR(UNIX_TIMESTAMP(NOW(3)) * 1000)), 12, '0'), '7',"
          + " LPAD(HEX(FLOOR(RAND() * 4096)), 3, '0'),"
          + " HEX(8 + FLOOR(RAND() * 4)), LPAD(HEX(FLOOR(RAND() * 4096)), 3, '0'),"
          + " LPAD(HEX(FLOOR(RAND() * 16777216)), 6, '0'), LPAD(HEX(FLOOR(RAND() * 16777216)), 6, '0')))";

  /** Outcome of one chunk or run. */
  public record Issued(int issued, long amountFen) {}

  /**
   * Issues the month's bills for members with ids in [{@code fromId}, {@code toId}) (null: open)
   * under {@code pathPrefix} (null: everywhere). Already billed members are skipped by the unique
   * key; a hardship waiver issues a WAIVED bill of 0.
   */
  public int issueChunk(YearMonth month, String pathPrefix, UUID fromId, UUID toId, Instant now) {
    return issueChunk(month, pathPrefix, fromId, toId, now, fromId != null || toId != null);
  }

  /**
   * @param byMemberOrder read the projection in primary-key order and the profiles index-only in
   *     the same order (large subtrees, chunked by member id); otherwise let the optimizer use the
   *     path index (a branch or a township)
   */
  public int issueChunk(
      YearMonth month,
      String pathPrefix,
      UUID fromId,
      UUID toId,
      Instant now,
      boolean byMemberOrder) {
    List<Object> args = new ArrayList<>();
    java.sql.Date first = Months.sql(month);
    String amount = amountSql();
    StringBuilder sql =
        new StringBuilder(
            "INSERT IGNORE INTO dues_bill (id, member_id, bill_month, org_id, category,"
                + " amount_fen, status, origin, profile_id, issued_at, version)"
                + " SELECT "
                + UUID_V7_SQL
                + ", x.member_id, ?, x.org_id, x.category, x.amount,"
                + " CASE WHEN x.amount = 0 THEN 'WAIVED' ELSE 'UNPAID' END, 'MONTHLY', x.profile_id, ?, 0"
                + " FROM (SELECT m.member_id, m.org_id,"
                + " COALESCE(p.category, m.dues_category) AS category, "
                + amount
                + " AS amount, p.id AS profile_id FROM proj_member m"
                + (byMemberOrder ? " FORCE INDEX (PRIMARY)" : "")
                + (byMemberOrder ? PROFILE_JOIN_IN_MEMBER_ORDER : PROFILE_JOIN)
                + " WHERE "
                + BILLABLE);
    args.add(first); // bill_month
    args.add(Times.utc(now)); // issued_at
    args.add(first); // hardship_until >= month
    args.add(first); // profile in force
    args.add(Months.sql(month.plusMonths(1))); // join_date < next month
    if (pathPrefix != null) {
      sql.append(" AND m.org_path LIKE ?");
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    if (fromId != null) {
      sql.append(" AND m.member_id >= ?");
      args.add(bytes(fromId));
    }
    if (toId != null) {
      sql.append(" AND m.member_id < ?");
      args.add(bytes(toId));
    }
    sql.append(") x");
    return jdbc.update(sql.toString(), args.toArray());
  }

  /** Member-id boundaries splitting the subtree into chunks of about {@code size} members. */
  public List<UUID> chunkBoundaries(String pathPrefix, int size) {
    List<UUID> bounds = new ArrayList<>();
    UUID after = null;
    while (true) {
      List<Object> args = new ArrayList<>();
      StringBuilder sql =
          new StringBuilder("SELECT member_id FROM proj_member FORCE INDEX (PRIMARY) WHERE 1=1");
      if (pathPrefix != null) {
        sql.append(" AND org_path LIKE ?");
        args.add(MemberProjection.prefixPattern(pathPrefix));
      }
      if (after != null) {
        sql.append(" AND member_id > ?");
        args.add(bytes(after));
      }
      sql.append(" ORDER BY member_id LIMIT 1 OFFSET ").append(size);
      List<UUID> found =
          jdbc.query(sql.toString(), (rs, n) -> uuid(rs.getBytes(1)), args.toArray());
      if (found.isEmpty()) {
        return bounds;
      }
      after = found.get(0);
      bounds.add(after);
    }
  }

  /** Count and sum of the month's bills under a path (after a run). */
  public Issued totals(YearMonth month, String pathPrefix) {
    List<Object> args = new ArrayList<>();
    args.add(Months.sql(month));
    String where = "";
    if (pathPrefix != null) {
      where = " AND " + IN_SUBTREE;
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return jdbc.queryForObject(
        "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM dues_bill WHERE bill_month = ?" + where,
        (rs, n) -> new Issued(rs.getInt(1), rs.getLong(2)),
        args.toArray());
  }

  /** Admitted active members the month could not be billed for because they have no profile. */
  public List<UUID> missingProfiles(YearMonth month, String pathPrefix, int limit, int offset) {
    List<Object> args = new ArrayList<>();
    args.add(Months.sql(month));
    args.add(Months.sql(month.plusMonths(1)));
    StringBuilder sql =
        new StringBuilder(
            "SELECT m.member_id FROM proj_member m"
                + PROFILE_JOIN
                + " WHERE m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY','FULL')"
                + " AND (m.join_date IS NULL OR m.join_date < ?)"
                + " AND p.id IS NULL AND (m.dues_category IS NULL OR m.dues_category NOT IN ("
                + FIXED_CATEGORIES
                + "))");
    if (pathPrefix != null) {
      sql.append(" AND m.org_path LIKE ?");
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    sql.append(" ORDER BY m.member_id LIMIT ").append(limit).append(" OFFSET ").append(offset);
    return jdbc.query(sql.toString(), (rs, n) -> uuid(rs.getBytes(1)), args.toArray());
  }

  public int countMissingProfiles(YearMonth month, String pathPrefix) {
    List<Object> args = new ArrayList<>();
    args.add(Months.sql(month));
    args.add(Months.sql(month.plusMonths(1)));
    StringBuilder sql =
        new StringBuilder(
            "SELECT COUNT(*) FROM proj_member m"
                + PROFILE_JOIN
                + " WHERE m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY','FULL')"
                + " AND (m.join_date IS NULL OR m.join_date < ?)"
                + " AND p.id IS NULL AND (m.dues_category IS NULL OR m.dues_category NOT IN ("
                + FIXED_CATEGORIES
                + "))");
    if (pathPrefix != null) {
      sql.append(" AND m.org_path LIKE ?");
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return jdbc.queryForObject(sql.toString(), Integer.class, args.toArray());
  }

  /** What a bill of {@code month} would charge the member now (category, amount, profile). */
  public record Price(String category, long amountFen, UUID profileId) {}

  public Optional<Price> price(UUID memberId, YearMonth month) {
    java.sql.Date first = Months.sql(month);
    return jdbc
        .query(
            "SELECT COALESCE(p.category, m.dues_category) AS category, "
                + amountSql()
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

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Times.instant(rs, column);
  }
}
