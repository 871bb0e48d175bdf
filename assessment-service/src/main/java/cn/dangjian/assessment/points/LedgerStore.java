package cn.dangjian.assessment.points;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.assessment.points.PointsViews.BranchTotal;
import cn.dangjian.assessment.points.PointsViews.Entry;
import cn.dangjian.assessment.points.PointsViews.RankRow;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** points_entry: the yearly ledger, its totals and rankings. */
@Repository
class LedgerStore {

  /** What a source earned a member, to take back. */
  record Earned(UUID orgId, BigDecimal points) {}

  private final JdbcTemplate jdbc;

  LedgerStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- reads

  List<Entry> entries(UUID memberId, int year) {
    return jdbc.query(
        "SELECT id, occurred_on, action, points, source_ref, source_event_id, note FROM"
            + " points_entry WHERE member_id = ? AND points_year = ? ORDER BY occurred_on, id",
        (rs, n) ->
            new Entry(
                uuid(rs.getBytes(1)),
                rs.getObject(2, LocalDate.class),
                PointsAction.valueOf(rs.getString(3)),
                rs.getBigDecimal(4),
                rs.getString(5),
                uuid(rs.getBytes(6)),
                rs.getString(7)),
        bytes(memberId),
        year);
  }

  /** Totals per branch under a path, by name (at most 2000). */
  List<BranchTotal> branchTotals(String path, int year) {
    return jdbc.query(
        "SELECT o.org_id, o.name, COUNT(DISTINCT e.member_id), COALESCE(SUM(e.points), 0) FROM"
            + " proj_org o LEFT JOIN points_entry e ON e.org_id = o.org_id AND e.points_year = ?"
            + " WHERE o.path LIKE ? AND o.org_type IN"
            + " ('BRANCH','JOINT_BRANCH','TEMPORARY_BRANCH','GENERAL_BRANCH') GROUP BY o.org_id,"
            + " o.name ORDER BY o.name LIMIT 2000",
        (rs, n) -> {
          int members = rs.getInt(3);
          BigDecimal total = rs.getBigDecimal(4);
          return new BranchTotal(
              uuid(rs.getBytes(1)),
              rs.getString(2),
              members,
              total,
              members == 0
                  ? BigDecimal.ZERO
                  : total.divide(BigDecimal.valueOf(members), 1, RoundingMode.HALF_UP));
        },
        year,
        MemberProjection.prefixPattern(path));
  }

  /** Members under a path ranked by their yearly total. */
  List<RankRow> ranking(String path, int year, int limit) {
    return jdbc.query(
        "SELECT RANK() OVER (ORDER BY SUM(points) DESC), member_id, SUM(points) FROM points_entry"
            + " WHERE org_path LIKE ? AND points_year = ? GROUP BY member_id ORDER BY 1 LIMIT ?",
        (rs, n) -> new RankRow(rs.getInt(1), uuid(rs.getBytes(2)), rs.getBigDecimal(3)),
        MemberProjection.prefixPattern(path),
        year,
        limit);
  }

  // --- writes

  /**
   * Locks a member's entries of one action on one day, so two concurrent credits cannot both pass
   * the cap; returns what they add up to.
   */
  BigDecimal lockedDayTotal(UUID memberId, PointsAction action, LocalDate on) {
    jdbc.queryForList(
        "SELECT id FROM points_entry WHERE member_id = ? AND action = ? AND occurred_on = ? FOR"
            + " UPDATE",
        bytes(memberId),
        action.name(),
        on);
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = ? AND action = ?"
            + " AND occurred_on = ?",
        BigDecimal.class,
        bytes(memberId),
        action.name(),
        on);
  }

  /** Writes an entry; false when this source was credited before (its ref is unique). */
  boolean insert(
      UUID id,
      UUID memberId,
      ProjectedOrg org,
      PointsAction action,
      BigDecimal points,
      LocalDate on,
      String sourceRef,
      UUID sourceEventId,
      String note,
      Instant at) {
    try {
      jdbc.update(
          "INSERT INTO points_entry (id, member_id, org_id, org_path, points_year, occurred_on,"
              + " action, points, source_ref, source_event_id, note, created_at) VALUES"
              + " (?,?,?,?,?,?,?,?,?,?,?,?)",
          bytes(id),
          bytes(memberId),
          bytes(org.orgId()),
          org.path(),
          on.getYear(),
          on,
          action.name(),
          points,
          sourceRef,
          bytes(sourceEventId),
          note,
          Timestamp.from(at));
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  BigDecimal yearTotal(UUID memberId, int year) {
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = ? AND points_year"
            + " = ?",
        BigDecimal.class,
        bytes(memberId),
        year);
  }

  /** What a source earned a member for an action, if anything. */
  Optional<Earned> earned(UUID memberId, PointsAction action, String sourceRef) {
    return jdbc
        .query(
            "SELECT org_id, points FROM points_entry WHERE member_id = ? AND action = ? AND"
                + " source_ref = ?",
            (rs, n) -> new Earned(uuid(rs.getBytes(1)), rs.getBigDecimal(2)),
            bytes(memberId),
            action.name(),
            sourceRef)
        .stream()
        .findFirst();
  }
}
