package cn.dangjian.dues.bill;

import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.profile.DuesRates;
import cn.dangjian.dues.profile.DuesRules;
import cn.dangjian.dues.support.Times;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.RowMapper;

/**
 * The SQL both bill stores share: the bill columns and row mapping, the subtree filter, the profile
 * in force and the amount a bill charges. Plain strings, no database access here.
 */
public final class BillSql {

  private BillSql() {}

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
              Times.instant(rs, "paid_at"),
              Times.instant(rs, "issued_at"),
              rs.getLong("version"));

  /** The profile in force in {@code ?month}: the latest one whose month is not after it. */
  static final String PROFILE_JOIN =
      " LEFT JOIN dues_profile p ON p.member_id = m.member_id AND p.effective_month ="
          + " (SELECT MAX(p2.effective_month) FROM dues_profile p2"
          + " WHERE p2.member_id = m.member_id AND p2.effective_month <= ?)";

  static final String PROFILE_JOIN_IN_MEMBER_ORDER =
      PROFILE_JOIN.replace(
          " LEFT JOIN dues_profile p ON",
          " LEFT JOIN dues_profile p FORCE INDEX (idx_profile_in_force) ON");

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
  static final String UUID_V7_SQL = cn.dangjian.platform.persistence.UuidV7.SQL;

  /**
   * The amount a bill of {@code ?month} charges, for a member row {@code m} and the profile {@code
   * p} in force (LEFT JOINed; NULL when there is none). Mirrors {@link DuesRules#amountFor}.
   */
  static String amountSql(DuesRates rates) {
    return "CASE WHEN p.id IS NOT NULL THEN"
        + " (CASE WHEN p.hardship <> 'NONE' AND p.hardship_until >= ? THEN COALESCE(p.hardship_fen, 0)"
        + " ELSE p.standard_fen END)"
        + " WHEN m.dues_category = 'FARMER' THEN "
        + rates.farmerDefaultFen()
        + " ELSE "
        + rates.fixedFen()
        + " END";
  }
}
