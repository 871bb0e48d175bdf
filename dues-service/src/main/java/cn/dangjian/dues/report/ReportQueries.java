package cn.dangjian.dues.report;

import static cn.dangjian.platform.persistence.Uuids.uuid;

import cn.dangjian.dues.bill.BillSql;
import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.report.ReportViews.Extras;
import cn.dangjian.dues.report.ReportViews.Figures;
import cn.dangjian.dues.report.ReportViews.MonthFigures;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.projection.MemberProjection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Collection figures straight from the bills, set-based (GROUP BY over a path range). */
@Repository
public class ReportQueries {

  /**
   * Part of a subtree: one direct child (or the org itself for members it holds directly), with the
   * org at that path (null and empty when the projection does not know it).
   */
  public record Part(String path, UUID orgId, String orgName, Figures figures) {}

  private static final String FIGURES =
      "COUNT(*) AS billed, SUM(CASE WHEN status = 'PAID' THEN 1 ELSE 0 END) AS paid,"
          + " SUM(CASE WHEN status = 'WAIVED' THEN 1 ELSE 0 END) AS waived,"
          + " COALESCE(SUM(amount_fen), 0) AS due,"
          + " COALESCE(SUM(CASE WHEN status = 'PAID' THEN amount_fen ELSE 0 END), 0) AS received";

  private final JdbcTemplate jdbc;

  public ReportQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The month's figures under {@code pathPrefix}, split by the path of each direct child, each with
   * the org at that path: one statement (paths are unique, they end in the org's own id).
   */
  public List<Part> monthByChild(YearMonth month, String pathPrefix) {
    int childLength = pathPrefix.length() + 37; // one more "<uuid>/" segment
    return jdbc.query(
        "SELECT x.part, po.org_id, po.name, x.billed, x.paid, x.waived, x.due, x.received"
            + " FROM (SELECT SUBSTRING(o.path, 1, ?) AS part, "
            + FIGURES
            + " FROM dues_bill b JOIN proj_org o ON o.org_id = b.org_id"
            + " WHERE b.bill_month = ? AND o.path LIKE ? GROUP BY part) x"
            + " LEFT JOIN proj_org po ON po.path = x.part ORDER BY x.part",
        (rs, n) -> {
          UUID orgId = uuid(rs.getBytes("org_id"));
          return new Part(
              rs.getString("part"),
              orgId,
              orgId == null ? "" : rs.getString("name"),
              Figures.of(
                  rs.getLong("billed"),
                  rs.getLong("paid"),
                  rs.getLong("waived"),
                  rs.getLong("due"),
                  rs.getLong("received")));
        },
        childLength,
        Months.sql(month),
        MemberProjection.prefixPattern(pathPrefix));
  }

  /** Month by month over a year under {@code pathPrefix} (null: everywhere). */
  public List<MonthFigures> year(int year, String pathPrefix) {
    List<Object> args = new ArrayList<>();
    args.add(LocalDate.of(year, 1, 1));
    args.add(LocalDate.of(year + 1, 1, 1));
    String filter = "";
    if (pathPrefix != null) {
      filter = " AND " + BillSql.IN_SUBTREE;
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return jdbc.query(
        "SELECT bill_month, "
            + FIGURES
            + " FROM dues_bill WHERE bill_month >= ? AND bill_month < ?"
            + filter
            + " GROUP BY bill_month ORDER BY bill_month",
        (rs, n) ->
            new MonthFigures(
                YearMonth.from(rs.getObject("bill_month", LocalDate.class)).toString(),
                Figures.of(
                    rs.getLong("billed"),
                    rs.getLong("paid"),
                    rs.getLong("waived"),
                    rs.getLong("due"),
                    rs.getLong("received"))),
        args.toArray());
  }

  /** Voluntary extras of payments confirmed in the year (China Standard Time). */
  public Extras extras(int year, String pathPrefix) {
    List<Object> args = new ArrayList<>();
    args.add(
        Times.utc(LocalDate.of(year, 1, 1).atStartOfDay(DuesConfiguration.CALENDAR).toInstant()));
    args.add(
        Times.utc(
            LocalDate.of(year + 1, 1, 1).atStartOfDay(DuesConfiguration.CALENDAR).toInstant()));
    String filter = "";
    if (pathPrefix != null) {
      filter = " AND org_path LIKE ?";
      args.add(MemberProjection.prefixPattern(pathPrefix));
    }
    return jdbc.queryForObject(
        "SELECT COALESCE(SUM(extra_fen), 0), COALESCE(SUM(CASE WHEN remit_to_centre THEN extra_fen"
            + " ELSE 0 END), 0), SUM(CASE WHEN remit_to_centre THEN 1 ELSE 0 END)"
            + " FROM dues_payment WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ?"
            + filter,
        (rs, n) -> new Extras(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
        args.toArray());
  }
}
