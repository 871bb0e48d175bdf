package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.member.statistics.StatisticsScope.OrgRef;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Orgs as the statistics know them (stat_org_period), for scope and table rows. */
@Component
class OrgRefQueries {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  OrgRefQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  List<OrgRef> roots() {
    return find("depth = 1", null);
  }

  List<OrgRef> byId(UUID id) {
    return find("org_id = ?", bytes(id));
  }

  /** The org's direct children in the tree at the end of a month (rows of the annual tables). */
  List<OrgRef> children(OrgRef parent, YearMonth asOf) {
    java.sql.Date end = java.sql.Date.valueOf(asOf.atEndOfMonth());
    return jdbc.query(
        "SELECT org_id, path, name, org_type FROM stat_org_period WHERE path LIKE ? AND depth = ?"
            + " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND NOT dissolved"
            + " ORDER BY name",
        (rs, i) ->
            new OrgRef(uuid(rs.getBytes(1)), rs.getString(2), rs.getString(3), rs.getString(4)),
        ReadModelStore.like(parent.path()),
        StatRules.ancestors(parent.path()).size() + 1,
        end,
        end);
  }

  /** Current names of orgs (for lists). */
  Map<UUID, String> names(List<UUID> ids) {
    Map<UUID, String> names = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    named.query(
        "SELECT org_id, name FROM stat_org_period WHERE valid_to IS NULL AND org_id IN (:ids)",
        new MapSqlParameterSource("ids", ids.stream().distinct().map(u -> bytes(u)).toList()),
        rs -> {
          names.put(uuid(rs.getBytes(1)), rs.getString(2));
        });
    return names;
  }

  private List<OrgRef> find(String where, @Nullable Object arg) {
    String sql =
        "SELECT org_id, path, name, org_type FROM stat_org_period WHERE valid_to IS NULL AND "
            + where;
    return arg == null
        ? jdbc.query(sql, (rs, i) -> ref(rs))
        : jdbc.query(sql, (rs, i) -> ref(rs), arg);
  }

  private static OrgRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new OrgRef(uuid(rs.getBytes(1)), rs.getString(2), rs.getString(3), rs.getString(4));
  }
}
