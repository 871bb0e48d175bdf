package cn.dangjian.dues.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The figures the report API answers with; schema names are the record names. */
public final class ReportViews {

  private ReportViews() {}

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

  /** Month row of a yearly summary. */
  public record MonthFigures(String month, Figures figures) {}

  /** Extra payments in a period. */
  public record Extras(
      @Schema(description = "自愿多交金额（分）") long extraFen,
      @Schema(description = "其中一次性1000元以上、全额上缴中央的金额（分）") long centreFen,
      @Schema(description = "上缴中央的笔数") long centreCount) {}

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
