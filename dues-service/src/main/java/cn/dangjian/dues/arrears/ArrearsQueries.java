package cn.dangjian.dues.arrears;

import static cn.dangjian.platform.persistence.Uuids.bytes;
import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.arrears.ArrearsViews.ArrearsRow;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The arrears list a branch secretary opens first: longest arrears first, paginated. */
@Repository
public class ArrearsQueries {

  private static final RowMapper<ArrearsRow> ROW =
      (rs, n) -> {
        LocalDate since = rs.getObject("since_month", LocalDate.class);
        return new ArrearsRow(
            uuid(rs.getBytes("member_id")),
            uuid(rs.getBytes("org_id")),
            rs.getString("org_name"),
            rs.getInt("months"),
            since == null ? null : YearMonth.from(since).toString(),
            rs.getLong("outstanding_fen"),
            rs.getString("status"));
      };

  private static final String FROM =
      " FROM dues_arrears a JOIN proj_member m ON m.member_id = a.member_id"
          + " LEFT JOIN proj_org o ON o.org_id = m.org_id";

  private final JdbcTemplate jdbc;

  public ArrearsQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<ArrearsRow> page(
      String pathPrefix, UUID selfMemberId, int minMonths, int limit, long offset) {
    List<Object> args = new ArrayList<>();
    String where = where(pathPrefix, selfMemberId, minMonths, args);
    return jdbc.query(
        "SELECT a.member_id, m.org_id, o.name AS org_name, a.months, a.since_month,"
            + " a.outstanding_fen, m.status"
            + FROM
            + where
            + " ORDER BY a.months DESC, a.member_id LIMIT "
            + limit
            + " OFFSET "
            + offset,
        ROW,
        args.toArray());
  }

  public long count(String pathPrefix, UUID selfMemberId, int minMonths) {
    List<Object> args = new ArrayList<>();
    String where = where(pathPrefix, selfMemberId, minMonths, args);
    return jdbc.queryForObject("SELECT COUNT(*)" + FROM + where, Long.class, args.toArray());
  }

  private static String where(
      String pathPrefix, UUID selfMemberId, int minMonths, List<Object> args) {
    StringBuilder where = new StringBuilder(" WHERE a.months >= ?");
    args.add(Math.max(1, minMonths));
    if (pathPrefix != null) {
      where.append(" AND m.org_path LIKE ?");
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    if (selfMemberId != null) {
      where.append(" AND a.member_id = ?");
      args.add(bytes(selfMemberId));
    }
    return where.toString();
  }
}
