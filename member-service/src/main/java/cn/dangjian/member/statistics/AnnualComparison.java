package cn.dangjian.member.statistics;

import static cn.dangjian.member.statistics.Dimension.AGE_BAND;
import static cn.dangjian.member.statistics.Dimension.CONVERTED;
import static cn.dangjian.member.statistics.Dimension.DEVELOPED;
import static cn.dangjian.member.statistics.Dimension.DUES_PAID_FEN;
import static cn.dangjian.member.statistics.Dimension.EDUCATION;
import static cn.dangjian.member.statistics.Dimension.ETHNICITY;
import static cn.dangjian.member.statistics.Dimension.FLAG;
import static cn.dangjian.member.statistics.Dimension.GENDER;
import static cn.dangjian.member.statistics.Dimension.LEFT;
import static cn.dangjian.member.statistics.Dimension.MEETINGS;
import static cn.dangjian.member.statistics.Dimension.MEMBERS;
import static cn.dangjian.member.statistics.Dimension.ORG_TYPE;
import static cn.dangjian.member.statistics.Dimension.PIPELINE;
import static cn.dangjian.member.statistics.Dimension.STAGE;

import cn.dangjian.member.statistics.AnnualTable.Suppressed;
import cn.dangjian.member.statistics.AnnualTables.Input;
import cn.dangjian.member.statistics.AnnualTables.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * 表5 与上年比较: the subtree's key figures this year and the year before, the change and the change in
 * per cent of the year before (empty when that was 0). A rate's change is in percentage points. For
 * integrators a count of people is hidden when small, and so is its change when either year or the
 * change itself is hidden (otherwise the hidden count follows from the other two).
 */
final class AnnualComparison {

  static final String TITLE = "表5 与上年比较";
  static final List<String> HEADER = List.of("指标", "本年", "上年", "增减", "增减（%）");

  /** One key figure of the comparison. */
  record Indicator(String label, Measure measure, Function<Figures, @Nullable Object> value) {}

  static final List<Indicator> INDICATORS =
      List.of(
          people("党员总数", f -> f.get(MEMBERS, "ALL")),
          people("女党员", f -> f.get(GENDER, "FEMALE")),
          people("少数民族党员", f -> f.get(ETHNICITY, "MINORITY")),
          people("35岁及以下党员", f -> f.get(AGE_BAND, "UP_TO_30") + f.get(AGE_BAND, "31_35")),
          people(
              "大专及以上学历党员",
              f ->
                  f.get(EDUCATION, "POSTGRADUATE")
                      + f.get(EDUCATION, "UNDERGRADUATE")
                      + f.get(EDUCATION, "JUNIOR_COLLEGE")),
          people("预备党员", f -> f.get(STAGE, "PROBATIONARY")),
          people("流动党员", f -> f.get(FLAG, "MOBILE")),
          people("发展对象", f -> f.get(PIPELINE, "DEVELOPMENT_TARGET")),
          count("党组织数（党委、党总支、党支部类）", f -> f.sum(ORG_TYPE) - f.get(ORG_TYPE, "PARTY_GROUP")),
          count("党支部数（含联合、临时）", AnnualTables::branches),
          people("发展党员", f -> f.get(DEVELOPED, "ALL")),
          people("预备党员转正", f -> f.get(CONVERTED, "ALL")),
          people("减少党员", f -> f.sum(LEFT)),
          count("组织生活会议次数", f -> f.sum(MEETINGS)),
          new Indicator("实缴党费（元）", Measure.AMOUNT, f -> AnnualTables.yuan(f.sum(DUES_PAID_FEN))),
          new Indicator("党费收缴率（%）", Measure.RATE, AnnualTables::duesRate));

  private AnnualComparison() {}

  static AnnualTable table(Input in, int suppressBelow) {
    List<List<Object>> rows = new ArrayList<>();
    for (Indicator indicator : INDICATORS) {
      rows.add(row(indicator, in.total(), in.previousTotal(), suppressBelow));
    }
    return new AnnualTable(
        TITLE,
        HEADER,
        rows,
        List.of(
            "注：本年为"
                + in.year()
                + "年，上年为"
                + (in.year() - 1)
                + "年；存量为年末数，发展、减少、会议、党费为全年数；比率的增减为百分点。"));
  }

  static List<Object> row(Indicator indicator, Figures now, Figures before, int suppressBelow) {
    Object thisYear = indicator.value().apply(now);
    Object lastYear = indicator.value().apply(before);
    Object change = change(thisYear, lastYear);
    Object changePercent =
        indicator.measure() == Measure.RATE ? null : changePercent(change, lastYear);
    List<Object> row = new ArrayList<>();
    row.add(indicator.label());
    if (indicator.measure() == Measure.PEOPLE && suppressBelow > 0) {
      boolean hideNow = AnnualTables.hidden((Long) thisYear, suppressBelow);
      boolean hideBefore = AnnualTables.hidden((Long) lastYear, suppressBelow);
      boolean hideChange =
          hideNow || hideBefore || AnnualTables.hidden((Long) change, suppressBelow);
      Suppressed hidden = new Suppressed(suppressBelow);
      row.add(hideNow ? hidden : thisYear);
      row.add(hideBefore ? hidden : lastYear);
      row.add(hideChange ? hidden : change);
      row.add(hideChange ? hidden : changePercent);
    } else {
      row.add(thisYear);
      row.add(lastYear);
      row.add(change);
      row.add(changePercent);
    }
    return row;
  }

  static @Nullable Object change(@Nullable Object now, @Nullable Object before) {
    if (now instanceof Long a && before instanceof Long b) {
      return a - b;
    }
    if (now instanceof BigDecimal a && before instanceof BigDecimal b) {
      return a.subtract(b);
    }
    return null;
  }

  /** The change in per cent of the year before, two decimals; null when that was 0 or unknown. */
  static @Nullable BigDecimal changePercent(@Nullable Object change, @Nullable Object before) {
    BigDecimal base = decimal(before);
    BigDecimal delta = decimal(change);
    if (base == null || delta == null || base.signum() == 0) {
      return null;
    }
    return delta.multiply(BigDecimal.valueOf(100)).divide(base, 2, RoundingMode.HALF_UP);
  }

  private static @Nullable BigDecimal decimal(@Nullable Object value) {
    if (value instanceof Long n) {
      return BigDecimal.valueOf(n);
    }
    return value instanceof BigDecimal d ? d : null;
  }

  private static Indicator people(String label, Function<Figures, Long> value) {
    return new Indicator(label, Measure.PEOPLE, value::apply);
  }

  private static Indicator count(String label, Function<Figures, Long> value) {
    return new Indicator(label, Measure.COUNT, value::apply);
  }
}
