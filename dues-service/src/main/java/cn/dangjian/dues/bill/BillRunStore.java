package cn.dangjian.dues.bill;

import static cn.dangjian.dues.bill.BillSql.BILLABLE;
import static cn.dangjian.dues.bill.BillSql.FIXED_CATEGORIES;
import static cn.dangjian.dues.bill.BillSql.IN_SUBTREE;
import static cn.dangjian.dues.bill.BillSql.PROFILE_JOIN;
import static cn.dangjian.dues.bill.BillSql.PROFILE_JOIN_IN_MEMBER_ORDER;
import static cn.dangjian.dues.bill.BillSql.UUID_V7_SQL;
import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.profile.DuesRates;
import cn.dangjian.dues.profile.DuesRules;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bill generation in SQL: set-based ({@code INSERT IGNORE … SELECT} from the member projection
 * joined with the profile in force), in member-id chunks for large subtrees, idempotent through the
 * unique key (member_id, bill_month); and who a month could not be billed for.
 */
@Repository
public class BillRunStore {

  /** The org to bill: its id and path. */
  public record Root(UUID orgId, String path) {}

  /** Outcome of one chunk or run. */
  public record Issued(int issued, long amountFen) {}

  private final JdbcTemplate jdbc;
  private final DuesRates rates;

  public BillRunStore(JdbcTemplate jdbc, DuesRules rules) {
    this.jdbc = jdbc;
    this.rates = rules.rates();
  }

  /** Every root org of the projected tree (for "bill everything"). */
  public List<Root> allRoots() {
    return jdbc.query(
        "SELECT org_id, path FROM proj_org WHERE parent_id IS NULL ORDER BY path",
        (rs, n) -> new Root(uuid(rs.getBytes("org_id")), rs.getString("path")));
  }

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
    String amount = BillSql.amountSql(rates);
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
    String sql =
        "SELECT m.member_id FROM proj_member m"
            + missingProfileWhere(month, pathPrefix, args)
            + " ORDER BY m.member_id LIMIT "
            + limit
            + " OFFSET "
            + offset;
    return jdbc.query(sql, (rs, n) -> uuid(rs.getBytes(1)), args.toArray());
  }

  public int countMissingProfiles(YearMonth month, String pathPrefix) {
    List<Object> args = new ArrayList<>();
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM proj_member m" + missingProfileWhere(month, pathPrefix, args),
        Integer.class,
        args.toArray());
  }

  /** Admitted, active, no profile in force and a category whose amount needs one. */
  private static String missingProfileWhere(YearMonth month, String pathPrefix, List<Object> args) {
    args.add(Months.sql(month));
    args.add(Months.sql(month.plusMonths(1)));
    StringBuilder sql =
        new StringBuilder(
            PROFILE_JOIN
                + " WHERE m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY','FULL')"
                + " AND (m.join_date IS NULL OR m.join_date < ?)"
                + " AND p.id IS NULL AND (m.dues_category IS NULL OR m.dues_category NOT IN ("
                + FIXED_CATEGORIES
                + "))");
    if (pathPrefix != null) {
      sql.append(" AND m.org_path LIKE ?");
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return sql.toString();
  }
}
