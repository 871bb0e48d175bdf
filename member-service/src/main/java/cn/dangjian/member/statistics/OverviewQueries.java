package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import cn.dangjian.member.statistics.StatisticsViews.StatusView;
import cn.dangjian.member.statistics.StatisticsViews.WeakBranch;
import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The overview's own reads: the weakest branches and the read model's progress. */
@Component
class OverviewQueries {

  private final JdbcTemplate jdbc;

  OverviewQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Most open alerts first, then the lowest grade (差 before 一般), at most five. */
  List<WeakBranch> weakest(OrgRef org) {
    return jdbc.query(
        "SELECT b.org_id, o.name, b.open_alerts, b.grade FROM stat_branch b"
            + " JOIN stat_org_period o ON o.org_id = b.org_id AND o.valid_to IS NULL"
            + " WHERE b.path LIKE ? AND (b.open_alerts > 0 OR b.grade IN ('POOR','AVERAGE'))"
            + " ORDER BY b.open_alerts DESC, FIELD(b.grade, 'AVERAGE', 'POOR') DESC, o.name LIMIT 5",
        (rs, i) -> {
          String grade = rs.getString(4);
          return new WeakBranch(
              uuid(rs.getBytes(1)),
              rs.getString(2),
              rs.getInt(3),
              grade,
              grade == null ? null : Dimension.ASSESSMENT_GRADE.valueLabel(grade));
        },
        ReadModelStore.like(org.path()));
  }

  StatusView status() {
    return jdbc.queryForObject(
        "SELECT events_applied, last_event_at, rebuild_started FROM stat_status WHERE id = 1",
        (rs, i) ->
            new StatusView(
                rs.getLong(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))));
  }

  private static java.time.@Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
