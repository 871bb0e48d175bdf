package cn.dangjian.member.statistics;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Figures from stat_cell: a stock as of a month-end is the sum of its changes up to that month, a
 * flow or an activity the sum over the months of a period. Ages, 党龄 and 换届 due are worked out here
 * from the months stored, for the month asked.
 */
@Component
class FigureQueries {

  private final NamedParameterJdbcTemplate named;

  FigureQueries(JdbcTemplate jdbc) {
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /** Stocks of each org (its whole subtree) at the end of a month. */
  Map<UUID, Figures> stocks(Collection<UUID> orgIds, YearMonth asOf, Collection<Dimension> dims) {
    return sums(orgIds, null, asOf, dims);
  }

  /** Flows and activity of each org's subtree over the months from..to (both included). */
  Map<UUID, Figures> over(
      Collection<UUID> orgIds, YearMonth from, YearMonth to, Collection<Dimension> dims) {
    return sums(orgIds, from, to, dims);
  }

  Figures stocks(UUID orgId, YearMonth asOf, Collection<Dimension> dims) {
    return stocks(List.of(orgId), asOf, dims).get(orgId);
  }

  Figures over(UUID orgId, YearMonth from, YearMonth to, Collection<Dimension> dims) {
    return over(List.of(orgId), from, to, dims).get(orgId);
  }

  /**
   * A stored dimension's value month by month: as of each month-end for a stock, within each month
   * otherwise.
   */
  Map<YearMonth, Long> monthly(
      UUID orgId,
      String storedDim,
      Set<String> values,
      YearMonth from,
      YearMonth to,
      boolean stock) {
    Map<Integer, Long> byMonth = new TreeMap<>();
    named.query(
        "SELECT month, SUM(delta) FROM stat_cell WHERE org_id = :org AND dim = :dim"
            + " AND val IN (:vals) AND month <= :to"
            + (stock ? "" : " AND month >= :from")
            + " GROUP BY month",
        new MapSqlParameterSource()
            .addValue("org", bytes(orgId))
            .addValue("dim", storedDim)
            .addValue("vals", values)
            .addValue("from", StatRules.month(from))
            .addValue("to", StatRules.month(to)),
        rs -> {
          byMonth.put(rs.getInt(1), rs.getLong(2));
        });
    Map<YearMonth, Long> series = new LinkedHashMap<>();
    long running = 0;
    for (Map.Entry<Integer, Long> e : byMonth.entrySet()) {
      if (e.getKey() < StatRules.month(from)) {
        running += e.getValue();
      }
    }
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      long inMonth = byMonth.getOrDefault(StatRules.month(m), 0L);
      running = stock ? running + inMonth : inMonth;
      series.put(m, running);
    }
    return series;
  }

  private Map<UUID, Figures> sums(
      Collection<UUID> orgIds, YearMonth from, YearMonth to, Collection<Dimension> dims) {
    Map<UUID, Figures> result = new LinkedHashMap<>();
    orgIds.forEach(id -> result.put(id, new Figures()));
    if (orgIds.isEmpty() || dims.isEmpty()) {
      return result;
    }
    Map<String, List<Dimension>> byStored = new HashMap<>();
    for (Dimension d : dims) {
      byStored.computeIfAbsent(d.stored(), k -> new ArrayList<>()).add(d);
    }
    named.query(
        "SELECT org_id, dim, val, SUM(delta) FROM stat_cell WHERE org_id IN (:orgs)"
            + " AND dim IN (:dims) AND month <= :to"
            + (from == null ? "" : " AND month >= :from")
            + " GROUP BY org_id, dim, val",
        new MapSqlParameterSource()
            .addValue("orgs", orgIds.stream().map(id -> bytes(id)).toList())
            .addValue("dims", byStored.keySet())
            .addValue("from", from == null ? 0 : StatRules.month(from))
            .addValue("to", StatRules.month(to)),
        rs -> {
          UUID org = uuid(rs.getBytes(1));
          String val = rs.getString(3);
          long count = rs.getLong(4);
          if (count == 0) {
            return;
          }
          for (Dimension d : byStored.get(rs.getString(2))) {
            String shown = shown(d, val, to);
            if (!"LATER".equals(shown)) {
              result.get(org).add(d, shown, count);
            }
          }
        });
    return result;
  }

  /** The value a stored month shows as: an age band, a 党龄 band, 换届 due or not. */
  static String shown(Dimension d, String stored, YearMonth asOf) {
    return switch (d) {
      case AGE_BAND -> StatRules.ageBand(stored, asOf);
      case STANDING_BAND -> StatRules.standingBand(stored, asOf);
      case ELECTION_DUE -> stored.compareTo(asOf.toString()) <= 0 ? "DUE" : "LATER";
      default -> stored;
    };
  }

  static Set<String> names(Collection<Dimension> dims) {
    return dims.stream().map(Dimension::name).collect(Collectors.toSet());
  }
}
