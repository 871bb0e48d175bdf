package cn.dangjian.dues.arrears;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.arrears.ArrearsRules.Arrears;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code dues_arrears}, one row per member who was ever in arrears, and the set-based recount of a
 * subtree straight from the bills.
 */
@Repository
class ArrearsStore {

  /** A member's arrears with the org they are booked under. */
  record Row(UUID memberId, UUID orgId, String orgPath, Arrears arrears) {}

  /** A stored row as a recount compares it: the months only. */
  record StoredMonths(UUID memberId, UUID orgId, String orgPath, int months) {}

  /** A stored row as a single-member refresh compares it. */
  record Stored(int months, long outstandingFen, String orgPath) {}

  private final JdbcTemplate jdbc;

  ArrearsStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Arrears of every member under {@code pathPrefix} (null: everyone) from the bills, by member:
   * unsettled bills of ended months after the last settled one. Members not in arrears are absent.
   */
  Map<UUID, Row> computeUnder(String pathPrefix, LocalDate currentMonth) {
    List<Object> args = new ArrayList<>();
    args.add(currentMonth);
    args.add(currentMonth);
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
    return computed;
  }

  /** The stored rows of members under {@code pathPrefix} (null: everyone), by member. */
  Map<UUID, StoredMonths> storedUnder(String pathPrefix) {
    List<Object> args = new ArrayList<>();
    String filter = "";
    if (pathPrefix != null) {
      filter = " WHERE m.org_path LIKE ?";
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    Map<UUID, StoredMonths> stored = new HashMap<>();
    jdbc.query(
        "SELECT a.member_id, a.months, m.org_id, m.org_path FROM dues_arrears a"
            + " JOIN proj_member m ON m.member_id = a.member_id"
            + filter,
        rs -> {
          UUID id = uuid(rs.getBytes("member_id"));
          stored.put(
              id,
              new StoredMonths(
                  id, uuid(rs.getBytes("org_id")), rs.getString("org_path"), rs.getInt("months")));
        },
        args.toArray());
    return stored;
  }

  /** The member's row, read without a lock (see ArrearsService#write). */
  Optional<Stored> find(UUID memberId) {
    return jdbc
        .query(
            "SELECT months, outstanding_fen, org_path FROM dues_arrears WHERE member_id = ?",
            (rs, n) ->
                new Stored(
                    rs.getInt("months"), rs.getLong("outstanding_fen"), rs.getString("org_path")),
            bytes(memberId))
        .stream()
        .findFirst();
  }

  void upsert(UUID memberId, UUID orgId, String orgPath, Arrears arrears, Instant now) {
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
        Times.utc(now));
  }
}
