package cn.dangjian.assessment.cycle;

import static cn.dangjian.platform.projection.Uuids.bytes;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.assessment.indicator.AutoSource;
import cn.dangjian.assessment.indicator.IndicatorService.Leaf;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scoring and ranking as set-based SQL: one statement per automatic indicator for every org of a
 * cycle, one for the totals, one for ranks, grades and the bottom band, one for the 整改清单 — so a
 * province's 50,000 branches are a handful of statements, not 50,000 round trips.
 */
@Component
class Scoring {

  private static final String ADMITTED = "status = 'ACTIVE' AND stage IN ('PROBATIONARY','FULL')";

  private final JdbcTemplate jdbc;
  private final AssessmentProperties properties;
  private final Clock clock;

  Scoring(JdbcTemplate jdbc, AssessmentProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Computes every automatic indicator for every org of the cycle, as of a day. */
  void automatic(Cycle cycle, List<Leaf> leaves, LocalDate asOf) {
    for (Leaf leaf : leaves) {
      if (leaf.source() != null) {
        automatic(cycle, leaf, asOf);
      }
    }
  }

  private void automatic(Cycle cycle, Leaf leaf, LocalDate asOf) {
    List<YearMonth> months = CycleRules.judgedMonths(cycle.period(), asOf);
    int m = months.size();
    int q = CycleRules.quarters(months);
    LocalDate monthsFrom = months.get(0).atDay(1);
    LocalDate monthsTo = months.get(m - 1).atEndOfMonth();
    LocalDate until = asOf.isBefore(cycle.periodTo()) ? asOf : cycle.periodTo();
    String inCycle = " AND org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?)";
    byte[] id = bytes(cycle.id());
    List<Object> args = new ArrayList<>();
    String joins;
    String rate;
    String evidence;
    switch (leaf.source()) {
      case MEETING_COMPLIANCE -> {
        joins =
            " LEFT JOIN (SELECT org_id, COUNT(DISTINCT CASE WHEN meeting_type ="
                + " 'COMMITTEE_MEETING' THEN DATE_FORMAT(held_on, '%Y%m') END) committee,"
                + " COUNT(DISTINCT CASE WHEN meeting_type = 'THEMED_PARTY_DAY' THEN"
                + " DATE_FORMAT(held_on, '%Y%m') END) themed, COUNT(DISTINCT CASE WHEN"
                + " meeting_type = 'BRANCH_GENERAL_MEETING' THEN YEAR(held_on) * 10 +"
                + " QUARTER(held_on) END) general, COUNT(DISTINCT CASE WHEN meeting_type ="
                + " 'PARTY_LECTURE' THEN YEAR(held_on) * 10 + QUARTER(held_on) END) lecture FROM"
                + " src_meeting WHERE counted AND held_on BETWEEN ? AND ?"
                + inCycle
                + " GROUP BY org_id) s ON s.org_id = co.org_id";
        args.add(monthsFrom);
        args.add(monthsTo);
        args.add(id);
        String num =
            "(COALESCE(s.committee,0) + COALESCE(s.themed,0) + LEAST(COALESCE(s.general,0), "
                + q
                + ") + LEAST(COALESCE(s.lecture,0), "
                + q
                + "))";
        rate = "LEAST(1, " + num + " / " + (2 * m + 2 * q) + ")";
        evidence =
            "CONCAT('支委会 ', COALESCE(s.committee,0), '/"
                + m
                + " 个月，主题党日 ', COALESCE(s.themed,0), '/"
                + m
                + " 个月，党员大会 ', COALESCE(s.general,0), '/"
                + q
                + " 个季度，党课 ', COALESCE(s.lecture,0), '/"
                + q
                + " 个季度')";
      }
      case DUES_COLLECTION -> {
        joins =
            " LEFT JOIN (SELECT org_id, COUNT(*) n FROM src_dues_month WHERE pay_month BETWEEN ?"
                + " AND ?"
                + inCycle
                + " GROUP BY org_id) d ON d.org_id = co.org_id"
                + members();
        args.add(months.get(0).toString());
        args.add(months.get(m - 1).toString());
        args.add(id);
        args.add(id);
        String due = "(COALESCE(pm.n,0) * " + m + ")";
        rate = "IF(" + due + " = 0, 1, LEAST(1, COALESCE(d.n,0) / " + due + "))";
        evidence =
            "CONCAT('已缴 ', COALESCE(d.n,0), ' 人次/应缴 ', "
                + due
                + ", ' 人次（', COALESCE(pm.n,0), ' 名党员 × "
                + m
                + " 个月）')";
      }
      case TRAINING_COMPLETION -> {
        BigDecimal required =
            properties
                .getMemberYearlyTrainingHours()
                .multiply(BigDecimal.valueOf(m))
                .divide(BigDecimal.valueOf(12), 1, RoundingMode.HALF_UP);
        joins =
            " LEFT JOIN (SELECT p.org_id, COUNT(*) n FROM proj_member p JOIN src_training t ON"
                + " t.member_id = p.member_id AND t.credit_year = ? WHERE p."
                + ADMITTED.replace(" stage", " p.stage")
                + " AND t.hours >= ? AND p.org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id"
                + " = ?) GROUP BY p.org_id) t ON t.org_id = co.org_id"
                + members();
        args.add(cycle.year());
        args.add(required);
        args.add(id);
        args.add(id);
        rate = "IF(COALESCE(pm.n,0) = 0, 1, LEAST(1, COALESCE(t.n,0) / pm.n))";
        evidence =
            "CONCAT('学时达标 ', COALESCE(t.n,0), '/', COALESCE(pm.n,0), ' 名党员（应达 "
                + required.toPlainString()
                + " 学时）')";
      }
      case DEVELOPMENT_TIMELINESS -> {
        joins =
            " LEFT JOIN (SELECT org_id, SUM(done_on <= due_on) ontime, COUNT(due_on) n FROM"
                + " src_dev_step WHERE done_on BETWEEN ? AND ?"
                + inCycle
                + " GROUP BY org_id) ds ON ds.org_id = co.org_id LEFT JOIN (SELECT org_id,"
                + " COUNT(*) n FROM src_dev_pending WHERE due_on >= ? AND due_on < ?"
                + inCycle
                + " GROUP BY org_id) dp ON dp.org_id = co.org_id";
        args.add(cycle.periodFrom());
        args.add(until);
        args.add(id);
        args.add(cycle.periodFrom());
        args.add(until);
        args.add(id);
        String due = "(COALESCE(ds.n,0) + COALESCE(dp.n,0))";
        rate = "IF(" + due + " = 0, 1, COALESCE(ds.ontime,0) / " + due + ")";
        evidence =
            "CONCAT('按期完成 ', COALESCE(ds.ontime,0), '/', "
                + due
                + ", ' 个有时限的发展程序（逾期未办 ', COALESCE(dp.n,0), ' 个）')";
      }
      case RECTIFICATION_TIMELINESS -> {
        joins =
            " LEFT JOIN (SELECT org_id, SUM(closed_on IS NOT NULL AND closed_on <= deadline)"
                + " ontime, COUNT(*) n FROM src_alert WHERE deadline BETWEEN ? AND ? AND"
                + " (deadline < ? OR closed_on IS NOT NULL)"
                + inCycle
                + " GROUP BY org_id) a ON a.org_id = co.org_id";
        args.add(cycle.periodFrom());
        args.add(cycle.periodTo());
        args.add(until);
        args.add(id);
        rate = "IF(COALESCE(a.n,0) = 0, 1, COALESCE(a.ontime,0) / a.n)";
        evidence = "CONCAT('按期整改 ', COALESCE(a.ontime,0), '/', COALESCE(a.n,0), ' 条到期预警')";
      }
      case TASK_COMPLETION -> {
        joins =
            " LEFT JOIN (SELECT COALESCE(owner_org_id, org_id) o, SUM(status = 'DONE' AND"
                + " completed_on <= deadline) ontime, COUNT(*) n FROM resp_task WHERE deadline"
                + " BETWEEN ? AND ? AND (deadline < ? OR status = 'DONE') GROUP BY o) tk ON tk.o"
                + " = co.org_id";
        args.add(cycle.periodFrom());
        args.add(cycle.periodTo());
        args.add(until);
        rate = "IF(COALESCE(tk.n,0) = 0, 1, COALESCE(tk.ontime,0) / tk.n)";
        evidence = "CONCAT('按期完成 ', COALESCE(tk.ontime,0), '/', COALESCE(tk.n,0), ' 项到期任务')";
      }
      default -> throw new IllegalStateException("unknown source " + leaf.source());
    }
    String sql =
        "INSERT INTO score_entry (cycle_id, org_id, indicator_id, points, evidence, origin,"
            + " scored_by, scored_at) SELECT co.cycle_id, co.org_id, ?, ROUND(? * "
            + rate
            + ", 2), LEFT(CONCAT('"
            + label(leaf.source())
            + "：', "
            + evidence
            + "), 2000), 'AUTO', 'system', ? FROM cycle_org co"
            + joins
            + " WHERE co.cycle_id = ? ON DUPLICATE KEY UPDATE points = VALUES(points), evidence ="
            + " VALUES(evidence), origin = 'AUTO', scored_by = 'system', scored_at ="
            + " VALUES(scored_at)";
    List<Object> all = new ArrayList<>();
    all.add(bytes(leaf.id()));
    all.add(leaf.weight());
    all.add(Timestamp.from(clock.instant()));
    all.addAll(args);
    all.add(id);
    jdbc.update(sql, all.toArray());
  }

  private static String members() {
    return " LEFT JOIN (SELECT org_id, COUNT(*) n FROM proj_member WHERE "
        + ADMITTED
        + " AND org_id IN (SELECT org_id FROM cycle_org WHERE cycle_id = ?) GROUP BY org_id) pm"
        + " ON pm.org_id = co.org_id";
  }

  private static String label(AutoSource source) {
    return source.label();
  }

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

  /** Totals, combined score, ranks, percentiles, grades, stars, bottom band and 整改清单. */
  void compute(Cycle cycle) {
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
    rank(cycle);
    rectificationList(cycle);
  }

  private void rank(Cycle cycle) {
    byte[] id = bytes(cycle.id());
    AssessmentProperties.GradeBands g = properties.getGradeBands();
    List<BigDecimal> stars = properties.getStarBands();
    StringBuilder starCase = new StringBuilder("CASE");
    List<Object> starArgs = new ArrayList<>();
    for (int i = 0; i < stars.size(); i++) {
      starCase.append(" WHEN r.combined >= ? THEN ").append(5 - i);
      starArgs.add(stars.get(i));
    }
    starCase.append(" ELSE 1 END");
    List<Object> args = new ArrayList<>();
    args.add(id);
    args.add(g.getGood());
    args.add(g.getFairlyGood());
    args.add(g.getAverage());
    args.addAll(starArgs);
    args.add(Math.max(1, properties.getMinPeerGroup()));
    args.add(cycle.bottomPercent());
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
        append(args, id));
  }

  private static Object[] append(List<Object> args, Object last) {
    List<Object> all = new ArrayList<>(args);
    all.add(last);
    return all.toArray();
  }

  private void rectificationList(Cycle cycle) {
    byte[] id = bytes(cycle.id());
    BigDecimal share = properties.getRectifyBelowShare();
    jdbc.update("DELETE FROM rectification_item WHERE cycle_id = ? AND origin = 'AUTO'", id);
    jdbc.update(
        "INSERT INTO rectification_item (cycle_id, org_id, item_key, item_text, origin,"
            + " created_by) SELECT s.cycle_id, s.org_id, CONCAT('indicator:', i.code),"
            + " LEFT(CONCAT(i.name, IF(i.kind = 'PENALTY', CONCAT('：扣 ', s.points, ' 分'),"
            + " CONCAT('：得分 ', s.points, '/', i.weight, '，低于满分的 ', ?, '%')), '，请对照整改。依据：',"
            + " s.evidence), 500), 'AUTO', 'system' FROM score_entry s JOIN indicator i ON i.id ="
            + " s.indicator_id WHERE s.cycle_id = ? AND ((i.kind = 'BASE' AND s.points < i.weight"
            + " * ? / 100) OR (i.kind = 'PENALTY' AND s.points > 0))",
        share.stripTrailingZeros().toPlainString(), id, share);
  }
}
