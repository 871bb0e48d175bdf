package cn.dangjian.dues.report;

import cn.dangjian.dues.config.DuesConfiguration;
import cn.dangjian.dues.support.Months;
import cn.dangjian.dues.support.Times;
import cn.dangjian.platform.projection.MemberProjection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Collection figures straight from the bills, set-based (GROUP BY over a path range). */
@Repository
public class ReportQueries {

  @Schema(description = "收缴统计 (collection figures)")
  public record Figures(
      @Schema(description = "应缴人数 (members billed)") long billed,
      @Schema(description = "已缴人数 (paid)") long paid,
      @Schema(description = "免交人数 (waived)") long waived,
      @Schema(description = "未缴人数 (unpaid, pending online orders included)") long unpaid,
      @Schema(description = "应缴金额（分）(due)") long dueFen,
      @Schema(description = "实缴金额（分）(received)") long receivedFen,
      @Schema(description = "未缴金额（分）(outstanding)") long outstandingFen,
      @Schema(description = "金额收缴率（%），实缴/应缴，两位小数 (collection rate by amount)")
          BigDecimal collectionRate,
      @Schema(description = "人数缴纳率（%），(已缴+免交)/应缴人数 (rate by members)") BigDecimal memberRate) {

    static Figures of(long billed, long paid, long waived, long due, long received) {
      long unpaid = billed - paid - waived;
      return new Figures(
          billed,
          paid,
          waived,
          unpaid,
          due,
          received,
          due - received,
          percent(received, due),
          percent(paid + waived, billed));
    }

    Figures plus(Figures other) {
      return of(
          billed + other.billed,
          paid + other.paid,
          waived + other.waived,
          dueFen + other.dueFen,
          receivedFen + other.receivedFen);
    }

    static final Figures ZERO = of(0, 0, 0, 0, 0);
  }

  /** Part of a subtree: one direct child (or the org itself for members it holds directly). */
  public record Part(String path, Figures figures) {}

  /** Month row of a yearly summary. */
  public record MonthFigures(String month, Figures figures) {}

  /** Extra payments in a period. */
  public record Extras(
      @Schema(description = "自愿多交金额（分）") long extraFen,
      @Schema(description = "其中一次性1000元以上、全额上缴中央的金额（分）") long centreFen,
      @Schema(description = "上缴中央的笔数") long centreCount) {}

  private static final String FIGURES =
      "COUNT(*) AS billed, SUM(CASE WHEN status = 'PAID' THEN 1 ELSE 0 END) AS paid,"
          + " SUM(CASE WHEN status = 'WAIVED' THEN 1 ELSE 0 END) AS waived,"
          + " COALESCE(SUM(amount_fen), 0) AS due,"
          + " COALESCE(SUM(CASE WHEN status = 'PAID' THEN amount_fen ELSE 0 END), 0) AS received";

  private final JdbcTemplate jdbc;

  public ReportQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The month's figures under {@code pathPrefix}, split by the path of each direct child. */
  public List<Part> monthByChild(YearMonth month, String pathPrefix) {
    int childLength = pathPrefix.length() + 37; // one more "<uuid>/" segment
    return jdbc.query(
        "SELECT SUBSTRING(o.path, 1, ?) AS part, "
            + FIGURES
            + " FROM dues_bill b JOIN proj_org o ON o.org_id = b.org_id"
            + " WHERE b.bill_month = ? AND o.path LIKE ? GROUP BY part ORDER BY part",
        (rs, n) ->
            new Part(
                rs.getString("part"),
                Figures.of(
                    rs.getLong("billed"),
                    rs.getLong("paid"),
                    rs.getLong("waived"),
                    rs.getLong("due"),
                    rs.getLong("received"))),
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
      filter = " AND " + cn.dangjian.dues.bill.BillStore.IN_SUBTREE;
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

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
