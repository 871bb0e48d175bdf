package cn.dangjian.alert.evaluation;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.alert.handling.AlertStatus;
import cn.dangjian.alert.rules.MobileFacts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What an evaluation of a chunk reads in bulk: the subjects' active alerts and recent meetings. */
@Repository
class EvaluationQueries {

  private final NamedParameterJdbcTemplate sql;

  EvaluationQueries(NamedParameterJdbcTemplate sql) {
    this.sql = sql;
  }

  record ActiveAlert(
      String periodKey, String severity, String title, String suggestion, LocalDate deadline) {}

  /**
   * Active alerts of these subjects, keyed "rule|subject" (one per rule and subject but for
   * multi-occurrence rules, where any one of them stands for "some are active").
   */
  Map<String, ActiveAlert> activeAlerts(Collection<UUID> subjects) {
    if (subjects.isEmpty()) {
      return Map.of();
    }
    Map<String, ActiveAlert> result = new HashMap<>();
    sql.query(
        "SELECT rule_id, subject_id, period_key, severity, title, suggestion, deadline FROM alert"
            + " WHERE subject_id IN (:ids) AND status IN (:statuses)",
        new MapSqlParameterSource()
            .addValue("ids", subjects.stream().map(id -> bytes(id)).toList())
            .addValue(
                "statuses",
                AlertStatus.ACTIVE.stream().map(Enum::name).collect(Collectors.toList())),
        rs -> {
          result.put(
              rs.getString("rule_id") + "|" + uuid(rs.getBytes("subject_id")),
              new ActiveAlert(
                  rs.getString("period_key"),
                  rs.getString("severity"),
                  rs.getString("title"),
                  rs.getString("suggestion"),
                  rs.getObject("deadline", LocalDate.class)));
        });
    return result;
  }

  Map<UUID, Map<String, List<LocalDate>>> meetingsSince(List<UUID> orgIds, LocalDate from) {
    if (orgIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Map<String, List<LocalDate>>> result = new HashMap<>();
    Set<UUID> seen = new HashSet<>();
    sql.query(
        "SELECT org_id, meeting_type, held_on FROM org_meeting WHERE org_id IN (:ids)"
            + " AND held_on >= :from AND counted"
            // a graded appraisal shows the year's 民主评议 was held (the event has no day)
            + " UNION ALL SELECT DISTINCT org_id, 'DEMOCRATIC_APPRAISAL', MAKEDATE(year, 1)"
            + " FROM appraisal_graded WHERE org_id IN (:ids) AND year >= YEAR(:from)",
        new MapSqlParameterSource()
            .addValue("ids", orgIds.stream().map(id -> bytes(id)).toList())
            .addValue("from", from),
        rs -> {
          UUID org = uuid(rs.getBytes("org_id"));
          seen.add(org);
          result
              .computeIfAbsent(org, k -> new HashMap<>())
              .computeIfAbsent(rs.getString("meeting_type"), k -> new ArrayList<>())
              .add(rs.getObject("held_on", LocalDate.class));
        });
    return result;
  }

  /** The latest 活动证 of each of these members that has one (the shared projection's proj_mobile). */
  Map<UUID, MobileFacts> mobile(Collection<UUID> members) {
    if (members.isEmpty()) {
      return Map.of();
    }
    Map<UUID, MobileFacts> result = new HashMap<>();
    sql.query(
        "SELECT member_id, certificate_id, host_org_id, status, fixed_place, away_since, issued_on,"
            + " valid_until, last_reported_on FROM proj_mobile WHERE member_id IN (:ids)",
        new MapSqlParameterSource("ids", members.stream().map(id -> bytes(id)).toList()),
        rs -> {
          byte[] host = rs.getBytes("host_org_id");
          result.put(
              uuid(rs.getBytes("member_id")),
              new MobileFacts(
                  uuid(rs.getBytes("member_id")),
                  uuid(rs.getBytes("certificate_id")),
                  host == null ? null : uuid(host),
                  rs.getString("status"),
                  rs.getBoolean("fixed_place"),
                  rs.getObject("away_since", LocalDate.class),
                  rs.getObject("issued_on", LocalDate.class),
                  rs.getObject("valid_until", LocalDate.class),
                  rs.getObject("last_reported_on", LocalDate.class),
                  false));
        });
    return result;
  }
}
