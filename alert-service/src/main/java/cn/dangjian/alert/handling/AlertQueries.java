package cn.dangjian.alert.handling;

import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.platform.persistence.Uuids;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over the alert table where JPA would be wrong: a lookup that must not flush the
 * persistence context, and the statistics' aggregates.
 */
@Repository
class AlertQueries {

  private static final String ACTIVE = "'OPEN','ACKNOWLEDGED','RECTIFYING','SUBMITTED'";

  private final JdbcTemplate jdbc;

  AlertQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether an alert of the rule, subject and period exists, in any status. */
  boolean periodKnown(String ruleId, UUID subjectId, String periodKey) {
    return !jdbc.queryForList(
            "SELECT 1 FROM alert WHERE rule_id = ? AND subject_id = ? AND period_key = ?",
            ruleId,
            Uuids.bytes(subjectId),
            periodKey)
        .isEmpty();
  }

  /** Active alerts under a path by rule, each as counts per severity (by ordinal). */
  Map<String, long[]> activeByRule(String like) {
    Map<String, long[]> byRule = new LinkedHashMap<>();
    jdbc.query(
        "SELECT rule_id, severity, COUNT(*) FROM alert WHERE org_path LIKE ? AND status IN ("
            + ACTIVE
            + ") GROUP BY rule_id, severity ORDER BY rule_id",
        rs -> {
          long[] counts = byRule.computeIfAbsent(rs.getString(1), k -> new long[3]);
          counts[Severity.valueOf(rs.getString(2)).ordinal()] = rs.getLong(3);
        },
        like);
    return byRule;
  }

  Long overdue(String like, LocalDate today) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM alert WHERE org_path LIKE ? AND status IN ("
            + ACTIVE
            + ") AND deadline < ?",
        Long.class,
        like,
        today);
  }

  /** closed, resolved and mean_days of the alerts under a path that ended since a moment. */
  Map<String, Object> endedSince(String like, Instant since) {
    return jdbc.queryForMap(
        "SELECT SUM(status = 'CLOSED') AS closed, SUM(status = 'RESOLVED') AS resolved,"
            + " AVG(CASE WHEN status IN ('CLOSED','RESOLVED')"
            + " THEN TIMESTAMPDIFF(SECOND, raised_at, ended_at) END) / 86400 AS mean_days"
            + " FROM alert WHERE org_path LIKE ? AND ended_at >= ?",
        like,
        Timestamp.from(since));
  }
}
