package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import cn.dangjian.platform.security.Caller;
import cn.dangjian.platform.security.Roles;
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

/**
 * Which subtree a caller asks about and may see, from the statistics' own org records: an org the
 * caller does not cover is "not found", as everywhere else; members see no statistics.
 */
@Component
class StatisticsScope {

  /** An org as the statistics know it. */
  record OrgRef(UUID id, String path, String name, String orgType) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  StatisticsScope(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** The org asked about, or by default the caller's own org (the root for the platform). */
  OrgRef resolve(@Nullable UUID orgId, Caller caller, DataScope scope) {
    if (scope.kind() == DataScope.Kind.SELF || scope.kind() == DataScope.Kind.NOTHING) {
      throw ProblemException.forbidden("statistics.not-for-members");
    }
    UUID wanted = orgId;
    if (wanted == null) {
      wanted = caller.orgId().orElse(null);
    }
    if (wanted == null) {
      List<OrgRef> roots = find("depth = 1", null);
      if (roots.size() != 1) {
        throw ProblemException.badRequest("statistics.org-required");
      }
      return roots.get(0);
    }
    UUID id = wanted;
    OrgRef org =
        find("org_id = ?", bytes(id)).stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("statistics.org-not-found", id));
    if (!scope.coversPath(org.path())) {
      throw ProblemException.notFound("statistics.org-not-found", id);
    }
    return org;
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

  /** Whether a caller's figures of people are subject to disclosure control. */
  static boolean forIntegrators(Caller caller) {
    return caller.hasRole(Roles.INTEGRATION) && !caller.platformWide();
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
