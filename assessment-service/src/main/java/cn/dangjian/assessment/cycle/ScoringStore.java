package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.persistence.Uuids.bytes;

import cn.dangjian.assessment.cycle.ScoringRules.Window;
import cn.dangjian.assessment.indicator.AutoSource;
import cn.dangjian.assessment.indicator.Leaf;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Scoring and ranking as set-based SQL: one statement per automatic indicator for every org of a
 * cycle, one for the totals, one for ranks, grades and the bottom band, one for the 整改清单 — so a
 * province's 50,000 branches are a handful of statements, not 50,000 round trips. What the
 * statements compare against comes from {@link ScoringRules}.
 */
@Repository
class ScoringStore {

  private static final String ADMITTED = "status = 'ACTIVE' AND stage IN ('PROBATIONARY','FULL')";

  private static final String IN_CYCLE =
      " AND org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?)";

  /**
   * What one automatic source adds to the scoring statement: joins onto {@code cycle_org co}, the
   * rate (0…1) and the evidence text as SQL expressions, and the joins' arguments.
   */
  private record Measure(String joins, String rate, String evidence, List<Object> args) {}

  private final JdbcTemplate jdbc;

  ScoringStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- automatic indicators

  /** Scores one automatic indicator for every org of the cycle: weight × rate, with evidence. */
  void automatic(Cycle cycle, Leaf leaf, Window window, Instant at) {
    byte[] id = bytes(cycle.id());
    Measure measure = measure(leaf.source(), cycle, window, id);
    String sql =
        "INSERT INTO score_entry (cycle_id, org_id, indicator_id, points, evidence, origin,"
            + " scored_by, scored_at) SELECT co.cycle_id, co.org_id, ?, ROUND(? * "
            + measure.rate()
            + ", 2), LEFT(CONCAT('"
            + leaf.source().label()
            + "：', "
            + measure.evidence()
            + "), 2000), 'AUTO', 'system', ? FROM cycle_org co"
            + measure.joins()
            + " WHERE co.cycle_id = ? ON DUPLICATE KEY UPDATE points = VALUES(points), evidence ="
            + " VALUES(evidence), origin = 'AUTO', scored_by = 'system', scored_at ="
            + " VALUES(scored_at)";
    List<Object> all = new ArrayList<>();
    all.add(bytes(leaf.id()));
    all.add(leaf.weight());
    all.add(Timestamp.from(at));
    all.addAll(measure.args());
    all.add(id);
    jdbc.update(sql, all.toArray());
  }

  private static Measure measure(AutoSource source, Cycle cycle, Window w, byte[] id) {
    return switch (source) {
      case MEETING_COMPLIANCE -> meetings(w, id);
      case DUES_COLLECTION -> dues(w, id);
      case TRAINING_COMPLETION -> training(cycle, w, id);
      case DEVELOPMENT_TIMELINESS -> development(w, id);
      case RECTIFICATION_TIMELINESS -> rectification(w, id);
      case TASK_COMPLETION -> tasks(w);
      case COMMUNITY_SERVICE -> community(w, id);
      default -> throw new IllegalStateException("unknown source " + source);
    };
  }

  /** 支委会 and 主题党日 in each judged month, 党员大会 and 党课 in each quarter (capped). */
  private static Measure meetings(Window w, byte[] id) {
    int m = w.months();
    int q = w.quarters();
    String joins =
        " LEFT JOIN (SELECT org_id, COUNT(DISTINCT CASE WHEN meeting_type ="
            + " 'COMMITTEE_MEETING' THEN DATE_FORMAT(held_on, '%Y%m') END) committee,"
            + " COUNT(DISTINCT CASE WHEN meeting_type = 'THEMED_PARTY_DAY' THEN"
            + " DATE_FORMAT(held_on, '%Y%m') END) themed, COUNT(DISTINCT CASE WHEN"
            + " meeting_type = 'BRANCH_GENERAL_MEETING' THEN YEAR(held_on) * 10 +"
            + " QUARTER(held_on) END) general, COUNT(DISTINCT CASE WHEN meeting_type ="
            + " 'PARTY_LECTURE' THEN YEAR(held_on) * 10 + QUARTER(held_on) END) lecture FROM"
            + " src_meeting WHERE counted AND held_on BETWEEN ? AND ?"
            + IN_CYCLE
            + " GROUP BY org_id) s ON s.org_id = co.org_id";
    String num =
        "(COALESCE(s.committee,0) + COALESCE(s.themed,0) + LEAST(COALESCE(s.general,0), "
            + q
            + ") + LEAST(COALESCE(s.lecture,0), "
            + q
            + "))";
    String rate = "LEAST(1, " + num + " / " + w.requiredMeetings() + ")";
    String evidence =
        "CONCAT('支委会 ', COALESCE(s.committee,0), '/"
            + m
            + " 个月，主题党日 ', COALESCE(s.themed,0), '/"
            + m
            + " 个月，党员大会 ', COALESCE(s.general,0), '/"
            + q
            + " 个季度，党课 ', COALESCE(s.lecture,0), '/"
            + q
            + " 个季度')";
    return new Measure(joins, rate, evidence, List.of(w.monthsFrom(), w.monthsTo(), id));
  }

  /** Member-months paid of member-months due. */
  private static Measure dues(Window w, byte[] id) {
    int m = w.months();
    String joins =
        " LEFT JOIN (SELECT org_id, COUNT(*) n FROM src_dues_month WHERE pay_month BETWEEN ?"
            + " AND ?"
            + IN_CYCLE
            + " GROUP BY org_id) d ON d.org_id = co.org_id"
            + members();
    String due = "(COALESCE(pm.n,0) * " + m + ")";
    String rate = "IF(" + due + " = 0, 1, LEAST(1, COALESCE(d.n,0) / " + due + "))";
    String evidence =
        "CONCAT('已缴 ', COALESCE(d.n,0), ' 人次/应缴 ', "
            + due
            + ", ' 人次（', COALESCE(pm.n,0), ' 名党员 × "
            + m
            + " 个月）')";
    List<Object> args = List.of(w.firstMonth().toString(), w.lastMonth().toString(), id, id);
    return new Measure(joins, rate, evidence, args);
  }

  /** Members who reached the pro-rated training hours of the cycle's year. */
  private static Measure training(Cycle cycle, Window w, byte[] id) {
    BigDecimal required = w.trainingHours();
    String joins =
        " LEFT JOIN (SELECT p.org_id, COUNT(*) n FROM proj_member p JOIN src_training t ON"
            + " t.member_id = p.member_id AND t.credit_year = ? WHERE p."
            + ADMITTED.replace(" stage", " p.stage")
            + " AND t.hours >= ? AND p.org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id"
            + " = ?) GROUP BY p.org_id) t ON t.org_id = co.org_id"
            + members();
    String rate = "IF(COALESCE(pm.n,0) = 0, 1, LEAST(1, COALESCE(t.n,0) / pm.n))";
    String evidence =
        "CONCAT('学时达标 ', COALESCE(t.n,0), '/', COALESCE(pm.n,0), ' 名党员（应达 "
            + required.toPlainString()
            + " 学时）')";
    List<Object> args = List.of(cycle.year(), required, id, id);
    return new Measure(joins, rate, evidence, args);
  }

  /** Development steps done by their due date, of those done or overdue in the period. */
  private static Measure development(Window w, byte[] id) {
    String joins =
        " LEFT JOIN (SELECT org_id, SUM(done_on <= due_on) ontime, COUNT(due_on) n FROM"
            + " src_dev_step WHERE done_on BETWEEN ? AND ?"
            + IN_CYCLE
            + " GROUP BY org_id) ds ON ds.org_id = co.org_id LEFT JOIN (SELECT org_id,"
            + " COUNT(*) n FROM src_dev_pending WHERE due_on >= ? AND due_on < ?"
            + IN_CYCLE
            + " GROUP BY org_id) dp ON dp.org_id = co.org_id";
    String due = "(COALESCE(ds.n,0) + COALESCE(dp.n,0))";
    String rate = "IF(" + due + " = 0, 1, COALESCE(ds.ontime,0) / " + due + ")";
    String evidence =
        "CONCAT('按期完成 ', COALESCE(ds.ontime,0), '/', "
            + due
            + ", ' 个有时限的发展程序（逾期未办 ', COALESCE(dp.n,0), ' 个）')";
    List<Object> args = List.of(w.from(), w.until(), id, w.from(), w.until(), id);
    return new Measure(joins, rate, evidence, args);
  }

  /** Alerts closed by their deadline, of those due in the period. */
  private static Measure rectification(Window w, byte[] id) {
    String joins =
        " LEFT JOIN (SELECT org_id, SUM(closed_on IS NOT NULL AND closed_on <= deadline)"
            + " ontime, COUNT(*) n FROM src_alert WHERE deadline BETWEEN ? AND ? AND"
            + " (deadline < ? OR closed_on IS NOT NULL)"
            + IN_CYCLE
            + " GROUP BY org_id) a ON a.org_id = co.org_id";
    String rate = "IF(COALESCE(a.n,0) = 0, 1, COALESCE(a.ontime,0) / a.n)";
    String evidence = "CONCAT('按期整改 ', COALESCE(a.ontime,0), '/', COALESCE(a.n,0), ' 条到期预警')";
    return new Measure(joins, rate, evidence, List.of(w.from(), w.to(), w.until(), id));
  }

  /** Serving members of the org with at least one community service in the period. */
  private static Measure community(Window w, byte[] id) {
    String serving = ADMITTED + " AND dues_category IN ('EMPLOYED','ANNUAL_SALARY')";
    String joins =
        " LEFT JOIN (SELECT p.org_id, COUNT(DISTINCT p.member_id) n FROM proj_member p JOIN"
            + " src_community_service s ON s.member_id = p.member_id AND s.served_on BETWEEN ?"
            + " AND ? WHERE p."
            + serving.replace(" stage", " p.stage").replace("dues_category", "p.dues_category")
            + " AND p.org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?) GROUP BY"
            + " p.org_id) cs ON cs.org_id = co.org_id LEFT JOIN (SELECT org_id, COUNT(*) n FROM"
            + " proj_member WHERE "
            + serving
            + " AND org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?) GROUP BY org_id)"
            + " sm ON sm.org_id = co.org_id";
    String rate = "IF(COALESCE(sm.n,0) = 0, 1, LEAST(1, COALESCE(cs.n,0) / sm.n))";
    String evidence = "CONCAT('到社区报到参加服务 ', COALESCE(cs.n,0), '/', COALESCE(sm.n,0), ' 名在职党员')";
    return new Measure(joins, rate, evidence, List.of(w.from(), w.until(), id, id));
  }

  /** Tasks (任务清单) done by their deadline, of those due in the period. */
  private static Measure tasks(Window w) {
    String joins =
        " LEFT JOIN (SELECT COALESCE(owner_org_id, org_id) o, SUM(status = 'DONE' AND"
            + " completed_on <= deadline) ontime, COUNT(*) n FROM resp_task WHERE deadline"
            + " BETWEEN ? AND ? AND (deadline < ? OR status = 'DONE') GROUP BY o) tk ON tk.o"
            + " = co.org_id";
    String rate = "IF(COALESCE(tk.n,0) = 0, 1, COALESCE(tk.ontime,0) / tk.n)";
    String evidence = "CONCAT('按期完成 ', COALESCE(tk.ontime,0), '/', COALESCE(tk.n,0), ' 项到期任务')";
    return new Measure(joins, rate, evidence, List.of(w.from(), w.to(), w.until()));
  }

  /** Admitted members per org of the cycle, as {@code pm.n}. */
  private static String members() {
    return " LEFT JOIN (SELECT org_id, COUNT(*) n FROM proj_member WHERE "
        + ADMITTED
        + " AND org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?) GROUP BY org_id) pm"
        + " ON pm.org_id = co.org_id";
  }

  // --- totals, ranks and the 整改清单

  /** How many base leaves (manual) lack a score, over all orgs of the cycle. */
  long missingManualScores(Cycle cycle) {
    Long missing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM cycle_org co JOIN indicator i ON i.version_id = ? AND i.method ="
                + " 'MANUAL' AND i.kind = 'BASE' LEFT JOIN score_entry s ON s.cycle_id ="
                + " co.cycle_id AND s.org_id = co.org_id AND s.indicator_id = i.id WHERE"
                + " co.cycle_id = ? AND s.points IS NULL",
            Long.class,
            bytes(cycle.indicatorVersionId()),
            bytes(cycle.id()));
    return missing == null ? 0 : missing;
  }

  /** Base, bonus and penalty totals and the combined score with the ballots, for every org. */
  void totals(Cycle cycle) {
    byte[] id = bytes(cycle.id());
    jdbc.update("DELETE FROM cycle_result WHERE cycle_id = ?", id);
    String indicatorScore = "GREATEST(0, b.base + b.bonus - b.penalty)";
    jdbc.update(
        "INSERT INTO cycle_result (cycle_id, org_id, peer_group, base_points, bonus_points,"
            + " penalty_points, indicator_score, ballot_score, combined) SELECT co.cycle_id,"
            + " co.org_id, co.peer_group, b.base, b.bonus, b.penalty, "
            + indicatorScore
            + ", db.ballot_score, ROUND(IF(db.ballot_score IS NULL, "
            + indicatorScore
            + ", "
            + indicatorScore
            + " * ? / 100 + db.ballot_score * ? / 100), 2) FROM cycle_org co JOIN (SELECT"
            + " co2.org_id, COALESCE(SUM(CASE WHEN i.kind = 'BASE' THEN s.points END), 0) base,"
            + " COALESCE(SUM(CASE WHEN i.kind = 'BONUS' THEN s.points END), 0) bonus,"
            + " COALESCE(SUM(CASE WHEN i.kind = 'PENALTY' THEN s.points END), 0) penalty FROM"
            + " cycle_org co2 LEFT JOIN score_entry s ON s.cycle_id = co2.cycle_id AND s.org_id ="
            + " co2.org_id LEFT JOIN indicator i ON i.id = s.indicator_id WHERE co2.cycle_id = ?"
            + " GROUP BY co2.org_id) b ON b.org_id = co.org_id LEFT JOIN duty_ballot db ON"
            + " db.cycle_id = co.cycle_id AND db.org_id = co.org_id WHERE co.cycle_id = ?",
        cycle.indicatorShare(),
        cycle.ballotShare(),
        id,
        id);
  }

  /**
   * Ranks within peer groups, percentiles, grades, stars and the bottom band.
   *
   * @param grades lower bounds of 好, 较好 and 一般
   * @param stars lower bounds of 5★, 4★ …; below the last 1★
   * @param minPeerGroup peer groups smaller than this mark nobody
   */
  void rank(Cycle cycle, List<BigDecimal> grades, List<BigDecimal> stars, int minPeerGroup) {
    byte[] id = bytes(cycle.id());
    StringBuilder starCase = new StringBuilder("CASE");
    List<Object> args = new ArrayList<>();
    args.add(id);
    args.addAll(grades);
    for (int i = 0; i < stars.size(); i++) {
      starCase.append(" WHEN r.combined >= ? THEN ").append(5 - i);
      args.add(stars.get(i));
    }
    starCase.append(" ELSE 1 END");
    args.add(minPeerGroup);
    args.add(cycle.bottomPercent());
    args.add(id);
    jdbc.update(
        "UPDATE cycle_result r JOIN (SELECT org_id, RANK() OVER (PARTITION BY peer_group ORDER"
            + " BY combined DESC) rk, RANK() OVER (PARTITION BY peer_group ORDER BY combined ASC)"
            + " rk_asc, COUNT(*) OVER (PARTITION BY peer_group) n FROM cycle_result WHERE"
            + " cycle_id = ?) x ON r.org_id = x.org_id SET r.rank_no = x.rk, r.peer_size = x.n,"
            + " r.percentile = IF(x.n <= 1, 100, ROUND(100 * (x.n - x.rk) / (x.n - 1), 2)),"
            + " r.grade = CASE WHEN r.combined >= ? THEN 'GOOD' WHEN r.combined >= ? THEN"
            + " 'FAIRLY_GOOD' WHEN r.combined >= ? THEN 'AVERAGE' ELSE 'POOR' END, r.stars = "
            + starCase
            + ", r.weak_candidate = (x.n >= ? AND x.rk > 1 AND x.rk_asc <= CEIL(x.n * ? / 100))"
            + " WHERE r.cycle_id = ?",
        args.toArray());
  }

  /**
   * The automatic 整改清单: every base indicator scored below {@code share} % of its weight and every
   * penalty taken, with its evidence; a reviewer's own items stay.
   */
  void rectificationList(Cycle cycle, BigDecimal share) {
    byte[] id = bytes(cycle.id());
    jdbc.update("DELETE FROM rectification_item WHERE cycle_id = ? AND origin = 'AUTO'", id);
    jdbc.update(
        "INSERT INTO rectification_item (cycle_id, org_id, item_key, item_text, origin,"
            + " created_by) SELECT s.cycle_id, s.org_id, CONCAT('indicator:', i.code),"
            + " LEFT(CONCAT(i.name, IF(i.kind = 'PENALTY', CONCAT('：扣 ', s.points, ' 分'),"
            + " CONCAT('：得分 ', s.points, '/', i.weight, '，低于满分的 ', ?, '%')), '，请对照整改。依据：',"
            + " s.evidence), 500), 'AUTO', 'system' FROM score_entry s JOIN indicator i ON i.id ="
            + " s.indicator_id WHERE s.cycle_id = ? AND ((i.kind = 'BASE' AND s.points < i.weight"
            + " * ? / 100) OR (i.kind = 'PENALTY' AND s.points > 0))",
        ScoringRules.shareLabel(share), id, share);
  }
}
