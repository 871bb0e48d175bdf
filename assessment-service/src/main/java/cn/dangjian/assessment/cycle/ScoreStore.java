package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.assessment.cycle.CycleViews.RectificationItem;
import cn.dangjian.assessment.cycle.CycleViews.ScoreView;
import cn.dangjian.assessment.indicator.Leaf;
import cn.dangjian.assessment.indicator.LeafRows;
import cn.dangjian.platform.persistence.UuidV7;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What is entered per org of a cycle: scores (score_entry, score_correction), the 述职报告
 * (duty_report), the 述职评议 ballots (duty_ballot) and the 整改清单 (rectification_item).
 */
@Repository
class ScoreStore {

  private final JdbcTemplate jdbc;

  ScoreStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- scores

  /** One score, entered or replaced; {@code origin} says how (MANUAL, CORRECTED). */
  void upsertScore(
      UUID cycleId,
      UUID orgId,
      UUID indicatorId,
      BigDecimal points,
      String evidence,
      String origin,
      String scoredBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO score_entry (cycle_id, org_id, indicator_id, points, evidence, origin,"
            + " scored_by, scored_at) VALUES (?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE points ="
            + " VALUES(points), evidence = VALUES(evidence), origin = VALUES(origin), scored_by ="
            + " VALUES(scored_by), scored_at = VALUES(scored_at)",
        bytes(cycleId),
        bytes(orgId),
        bytes(indicatorId),
        points,
        evidence == null ? "" : evidence,
        origin,
        scoredBy,
        Timestamp.from(at));
  }

  /** The points an org has for an indicator, or null when none were entered. */
  BigDecimal points(UUID cycleId, UUID orgId, UUID indicatorId) {
    return jdbc
        .query(
            "SELECT points FROM score_entry WHERE cycle_id = ? AND org_id = ? AND indicator_id"
                + " = ?",
            (rs, n) -> rs.getBigDecimal(1),
            bytes(cycleId),
            bytes(orgId),
            bytes(indicatorId))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** Every leaf of the cycle's version, with the org's score where there is one. */
  List<ScoreView> scores(Cycle cycle, UUID orgId) {
    return jdbc.query(
        "SELECT "
            + LeafRows.COLUMNS
            + ", s.points, s.evidence, s.origin, s.scored_by FROM indicator i LEFT JOIN score_entry"
            + " s ON s.indicator_id = i.id AND s.cycle_id = ? AND s.org_id = ? WHERE i.version_id"
            + " = ? AND i.method <> 'GROUP' ORDER BY i.sort_order",
        (rs, n) -> {
          Leaf leaf = LeafRows.read(rs);
          return new ScoreView(
              leaf.id(),
              leaf.code(),
              leaf.name(),
              leaf.kind(),
              leaf.weight(),
              leaf.method(),
              leaf.scorer(),
              rs.getBigDecimal(9),
              rs.getString(10),
              rs.getString(11),
              rs.getString(12));
        },
        bytes(cycle.id()),
        bytes(orgId),
        bytes(cycle.indicatorVersionId()));
  }

  /** The audit of a correction after publication. */
  void recordCorrection(
      UUID cycleId,
      UUID orgId,
      UUID indicatorId,
      BigDecimal oldPoints,
      BigDecimal newPoints,
      String reason,
      int publicationNo,
      String changedBy,
      Instant at) {
    jdbc.update(
        "INSERT INTO score_correction (id, cycle_id, org_id, indicator_id, old_points,"
            + " new_points, reason, publication_no, changed_by, changed_at) VALUES"
            + " (?,?,?,?,?,?,?,?,?,?)",
        bytes(UuidV7.next()),
        bytes(cycleId),
        bytes(orgId),
        bytes(indicatorId),
        oldPoints,
        newPoints,
        reason,
        publicationNo,
        changedBy,
        Timestamp.from(at));
  }

  // --- 述职报告 and 述职评议

  void saveReport(UUID cycleId, UUID orgId, String text, String submittedBy, Instant at) {
    jdbc.update(
        "INSERT INTO duty_report (cycle_id, org_id, report_text, submitted_by, submitted_at)"
            + " VALUES (?,?,?,?,?) ON DUPLICATE KEY UPDATE report_text = VALUES(report_text),"
            + " submitted_by = VALUES(submitted_by), submitted_at = VALUES(submitted_at)",
        bytes(cycleId),
        bytes(orgId),
        text,
        submittedBy,
        Timestamp.from(at));
  }

  boolean hasReport(UUID cycleId, UUID orgId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM duty_report WHERE cycle_id = ? AND org_id = ?",
            Integer.class,
            bytes(cycleId),
            bytes(orgId));
    return n != null && n > 0;
  }

  /** The report's text, or null. */
  String report(UUID cycleId, UUID orgId) {
    return jdbc
        .query(
            "SELECT report_text FROM duty_report WHERE cycle_id = ? AND org_id = ?",
            (rs, n) -> rs.getString(1),
            bytes(cycleId),
            bytes(orgId))
        .stream()
        .findFirst()
        .orElse(null);
  }

  /** The ballot counts with the score they give. */
  record Ballot(int good, int fairlyGood, int average, int poor, BigDecimal score) {}

  void saveBallot(UUID cycleId, UUID orgId, Ballot b, String enteredBy, Instant at) {
    jdbc.update(
        "INSERT INTO duty_ballot (cycle_id, org_id, good, fairly_good, average, poor,"
            + " ballot_score, entered_by, entered_at) VALUES (?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY"
            + " UPDATE good = VALUES(good), fairly_good = VALUES(fairly_good), average ="
            + " VALUES(average), poor = VALUES(poor), ballot_score = VALUES(ballot_score),"
            + " entered_by = VALUES(entered_by), entered_at = VALUES(entered_at)",
        bytes(cycleId),
        bytes(orgId),
        b.good(),
        b.fairlyGood(),
        b.average(),
        b.poor(),
        b.score(),
        enteredBy,
        Timestamp.from(at));
  }

  /** The ballot counts by grade label, empty when none were entered. */
  Map<String, Integer> ballots(UUID cycleId, UUID orgId) {
    return jdbc
        .query(
            "SELECT good, fairly_good, average, poor FROM duty_ballot WHERE cycle_id = ? AND"
                + " org_id = ?",
            (rs, n) ->
                Map.of(
                    Grade.GOOD.label(), rs.getInt(1),
                    Grade.FAIRLY_GOOD.label(), rs.getInt(2),
                    Grade.AVERAGE.label(), rs.getInt(3),
                    Grade.POOR.label(), rs.getInt(4)),
            bytes(cycleId),
            bytes(orgId))
        .stream()
        .findFirst()
        .orElse(Map.of());
  }

  // --- 整改清单

  void addRectification(
      UUID cycleId, UUID orgId, String key, String text, String origin, String createdBy) {
    jdbc.update(
        "INSERT INTO rectification_item (cycle_id, org_id, item_key, item_text, origin,"
            + " created_by) VALUES (?,?,?,?,?,?)",
        bytes(cycleId),
        bytes(orgId),
        key,
        text,
        origin,
        createdBy);
  }

  List<RectificationItem> rectification(UUID cycleId, UUID orgId) {
    return jdbc.query(
        "SELECT item_key, item_text, origin FROM rectification_item WHERE cycle_id = ? AND"
            + " org_id = ? ORDER BY origin, item_key",
        (rs, n) -> new RectificationItem(rs.getString(1), rs.getString(2), rs.getString(3)),
        bytes(cycleId),
        bytes(orgId));
  }
}
