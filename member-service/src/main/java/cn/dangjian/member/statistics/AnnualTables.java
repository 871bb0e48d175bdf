package cn.dangjian.member.statistics;

import static cn.dangjian.member.statistics.Dimension.AFFILIATION;
import static cn.dangjian.member.statistics.Dimension.AGE_BAND;
import static cn.dangjian.member.statistics.Dimension.ALERTS_CLOSED;
import static cn.dangjian.member.statistics.Dimension.ALERTS_RAISED;
import static cn.dangjian.member.statistics.Dimension.ASSESSMENT_GRADE;
import static cn.dangjian.member.statistics.Dimension.BRANCH_COMMITTEE;
import static cn.dangjian.member.statistics.Dimension.BRANCH_MEETING_MONTHS;
import static cn.dangjian.member.statistics.Dimension.CONVERTED;
import static cn.dangjian.member.statistics.Dimension.DEVELOPED;
import static cn.dangjian.member.statistics.Dimension.DUES_BILLED_FEN;
import static cn.dangjian.member.statistics.Dimension.DUES_PAID_FEN;
import static cn.dangjian.member.statistics.Dimension.EDUCATION;
import static cn.dangjian.member.statistics.Dimension.ELECTION_DUE;
import static cn.dangjian.member.statistics.Dimension.ETHNICITY;
import static cn.dangjian.member.statistics.Dimension.FLAG;
import static cn.dangjian.member.statistics.Dimension.GENDER;
import static cn.dangjian.member.statistics.Dimension.LEFT;
import static cn.dangjian.member.statistics.Dimension.MEETINGS;
import static cn.dangjian.member.statistics.Dimension.MEMBERS;
import static cn.dangjian.member.statistics.Dimension.OCCUPATION;
import static cn.dangjian.member.statistics.Dimension.ORG_TYPE;
import static cn.dangjian.member.statistics.Dimension.PIPELINE;
import static cn.dangjian.member.statistics.Dimension.STAGE;
import static cn.dangjian.member.statistics.Dimension.STANDING_BAND;
import static cn.dangjian.member.statistics.Dimension.SUSPENDED;
import static cn.dangjian.member.statistics.Dimension.TRANSFERRED_IN;
import static cn.dangjian.member.statistics.Dimension.TRANSFERRED_OUT;
import static cn.dangjian.member.statistics.Dimension.UNIT_TYPE;

import cn.dangjian.member.statistics.AnnualTable.Suppressed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The annual report tables (年度党内统计报表) of a subtree, from its figures and its direct children's: one
 * row per child, a row 本级 (the org's own figures minus its children's, so the rows add up to the
 * 合计), a row 合计 (the subtree's figures). Every value a figure has — also one the code tables do not
 * list — gets a column, so the columns of a group add up to the group's total. Counts of people are
 * hidden from integration clients when from 1 to the threshold minus 1.
 */
final class AnnualTables {

  static final String OWN_LEVEL = "本级";
  static final String TOTAL = "合计";
  static final String UNIT = "单位";

  static final String TRANSFER_NOTE =
      "注：组织关系转入、转出按各行组织的范围计算。下级党组织之间的转接计入有关下级的行，但不进出本组织，不计入合计，故本级行可能为负数。";

  /** A row's figures: a child org's subtree, 本级 or 合计. */
  record Part(String name, Figures figures) {}

  /**
   * What the tables are made of.
   *
   * @param children the direct children at the year end, in row order
   * @param total the subtree's stocks at the year end and its flows and activity in the year
   * @param previousTotal the same for the year before (表5)
   * @param months months of the year with figures (12, or the months so far of the current year)
   * @param yearEnded false for the current year: its stocks are today's
   */
  record Input(
      int year,
      List<Part> children,
      Figures total,
      Figures previousTotal,
      int months,
      boolean yearEnded) {}

  enum Measure {
    /** A number of people: hidden from integrators when small. */
    PEOPLE,
    /** A number of organisations, meetings, alerts. */
    COUNT,
    /** Money in 元 with two decimals. */
    AMOUNT,
    /** A percentage with two decimals, empty when there is nothing to divide by. */
    RATE
  }

  /** One column of a table: its header and how a row's figures give its value. */
  record Column(String header, Measure measure, Function<Figures, @Nullable Object> value) {}

  private AnnualTables() {}

  /** The five tables; {@code suppressBelow} 0 shows every count. */
  static List<AnnualTable> build(Input in, int suppressBelow) {
    List<Part> rows = rows(in);
    List<Figures> all = rows.stream().map(Part::figures).toList();
    List<String> period = List.of(periodNote(in));
    List<String> flowNotes = List.of(periodNote(in), TRANSFER_NOTE);
    return List.of(
        table("表1 党员基本情况", memberColumns(all), rows, suppressBelow, period),
        table("表2 党组织基本情况", orgColumns(all), rows, suppressBelow, period),
        table("表3 党员发展与变动", flowColumns(all), rows, suppressBelow, flowNotes),
        table("表4 组织生活与党费", activityColumns(all, in.months()), rows, suppressBelow, period),
        AnnualComparison.table(in, suppressBelow));
  }

  /** The children, then 本级 (the total minus the children), then 合计. */
  static List<Part> rows(Input in) {
    List<Part> rows = new ArrayList<>(in.children());
    rows.add(
        new Part(
            OWN_LEVEL, remainder(in.total(), in.children().stream().map(Part::figures).toList())));
    rows.add(new Part(TOTAL, in.total()));
    return rows;
  }

  /** The figures of {@code whole} that none of the parts has: every value, every dimension. */
  static Figures remainder(Figures whole, List<Figures> parts) {
    Figures rest = new Figures();
    for (Dimension d : Dimension.values()) {
      whole.of(d).forEach((value, n) -> rest.add(d, value, n));
      for (Figures part : parts) {
        part.of(d).forEach((value, n) -> rest.add(d, value, -n));
      }
    }
    return rest;
  }

  static List<Column> memberColumns(List<Figures> all) {
    List<Column> columns = new ArrayList<>();
    columns.add(people("党员总数", f -> f.get(MEMBERS, "ALL")));
    columns.addAll(group(GENDER, "性别", Measure.PEOPLE, all));
    columns.addAll(group(ETHNICITY, "民族", Measure.PEOPLE, all));
    columns.addAll(group(STAGE, "", Measure.PEOPLE, all));
    columns.addAll(group(AGE_BAND, "年龄", Measure.PEOPLE, all));
    columns.addAll(group(EDUCATION, "学历", Measure.PEOPLE, all));
    columns.addAll(group(OCCUPATION, "职业", Measure.PEOPLE, all));
    columns.addAll(group(STANDING_BAND, "党龄", Measure.PEOPLE, all));
    columns.addAll(group(FLAG, "其中", Measure.PEOPLE, all));
    columns.add(people("停止党籍", f -> f.get(SUSPENDED, "ALL")));
    columns.addAll(group(PIPELINE, "", Measure.PEOPLE, all));
    return columns;
  }

  static List<Column> orgColumns(List<Figures> all) {
    List<Column> columns = new ArrayList<>();
    columns.add(count("组织总数（含党小组）", f -> f.sum(ORG_TYPE)));
    columns.addAll(group(ORG_TYPE, "", Measure.COUNT, all));
    columns.addAll(group(UNIT_TYPE, "单位类型", Measure.COUNT, all));
    columns.addAll(group(AFFILIATION, "隶属关系", Measure.COUNT, all));
    columns.add(count("党支部数（含联合、临时）", AnnualTables::branches));
    columns.addAll(group(BRANCH_COMMITTEE, "", Measure.COUNT, all));
    columns.add(count("任期届满应换届", f -> f.get(ELECTION_DUE, "DUE")));
    return columns;
  }

  static List<Column> flowColumns(List<Figures> all) {
    List<Column> columns = new ArrayList<>(group(DEVELOPED, "", Measure.PEOPLE, all));
    columns.add(people("预备党员转正", f -> f.get(CONVERTED, "ALL")));
    columns.add(people("组织关系转入", f -> f.get(TRANSFERRED_IN, "ALL")));
    columns.add(people("组织关系转出", f -> f.get(TRANSFERRED_OUT, "ALL")));
    columns.add(people("减少党员合计", f -> f.sum(LEFT)));
    columns.addAll(group(LEFT, "减少", Measure.PEOPLE, all));
    return columns;
  }

  static List<Column> activityColumns(List<Figures> all, int months) {
    List<Column> columns = new ArrayList<>();
    columns.add(count("组织生活会议合计", f -> f.sum(MEETINGS)));
    columns.addAll(group(MEETINGS, "", Measure.COUNT, all));
    columns.add(count("召开支委会的支部·月数", AnnualTables::committeeMonths));
    columns.add(rate("支委会按月召开率（%）", f -> percent(committeeMonths(f), branches(f) * (long) months)));
    columns.add(amount("应缴党费（元）", f -> yuan(f.sum(DUES_BILLED_FEN))));
    columns.add(amount("实缴党费（元）", f -> yuan(f.sum(DUES_PAID_FEN))));
    columns.add(rate("党费收缴率（%）", AnnualTables::duesRate));
    columns.add(count("预警发出", f -> f.sum(ALERTS_RAISED)));
    columns.add(count("预警办结", f -> f.sum(ALERTS_CLOSED)));
    columns.add(count("考核评定合计", f -> f.sum(ASSESSMENT_GRADE)));
    columns.addAll(group(ASSESSMENT_GRADE, "考核", Measure.COUNT, all));
    return columns;
  }

  static long branches(Figures f) {
    return StatRules.BRANCH_TYPES.stream().mapToLong(t -> f.get(ORG_TYPE, t)).sum();
  }

  static long committeeMonths(Figures f) {
    return f.get(BRANCH_MEETING_MONTHS, "COMMITTEE_MEETING");
  }

  static @Nullable BigDecimal duesRate(Figures f) {
    return percent(f.sum(DUES_PAID_FEN), f.sum(DUES_BILLED_FEN));
  }

  /** A part of a whole in per cent, two decimals; null when the whole is not positive. */
  static @Nullable BigDecimal percent(long part, long whole) {
    return whole <= 0
        ? null
        : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  static BigDecimal yuan(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /** One column per value of a dimension: the listed ones in order, then any others found. */
  static List<Column> group(Dimension d, String prefix, Measure measure, List<Figures> all) {
    List<Column> columns = new ArrayList<>();
    for (String value : values(d, all)) {
      columns.add(new Column(label(prefix, d, value), measure, f -> f.get(d, value)));
    }
    return columns;
  }

  static List<String> values(Dimension d, List<Figures> all) {
    Set<String> values = new LinkedHashSet<>(d.codes());
    Set<String> others = new TreeSet<>();
    for (Figures f : all) {
      f.of(d)
          .forEach(
              (value, n) -> {
                if (n != 0 && !values.contains(value)) {
                  others.add(value);
                }
              });
    }
    values.addAll(others);
    return List.copyOf(values);
  }

  static String label(String prefix, Dimension d, String value) {
    String label =
        StatRules.UNSPECIFIED.equals(value) && !d.codes().contains(value)
            ? "未填"
            : d.valueLabel(value);
    return prefix.isEmpty() ? label : prefix + "：" + label;
  }

  static AnnualTable table(
      String title, List<Column> columns, List<Part> rows, int suppressBelow, List<String> notes) {
    List<String> header = new ArrayList<>();
    header.add(UNIT);
    columns.forEach(c -> header.add(c.header()));
    List<List<Object>> cells = new ArrayList<>();
    for (Part row : rows) {
      List<Object> line = new ArrayList<>();
      line.add(row.name());
      for (Column c : columns) {
        line.add(shown(c.value().apply(row.figures()), c.measure(), suppressBelow));
      }
      cells.add(line);
    }
    return new AnnualTable(title, header, cells, notes);
  }

  /** A cell as an integrator sees it: a count of people from 1 to the threshold − 1 is hidden. */
  static @Nullable Object shown(@Nullable Object value, Measure measure, int suppressBelow) {
    return measure == Measure.PEOPLE && value instanceof Long n && hidden(n, suppressBelow)
        ? new Suppressed(suppressBelow)
        : value;
  }

  static boolean hidden(long count, int suppressBelow) {
    long size = Math.abs(count);
    return size >= 1 && size < suppressBelow;
  }

  static String periodNote(Input in) {
    if (!in.yearEnded()) {
      return "统计时点：本年尚未结束，党员和党组织为当前数字，发展、变动和组织生活等为"
          + in.year()
          + "年1月至"
          + in.months()
          + "月（截至目前）的数字。";
    }
    return "统计时点：" + in.year() + "年12月31日；发展、变动和组织生活等为" + in.year() + "年全年。";
  }

  private static Column people(String header, Function<Figures, Long> value) {
    return new Column(header, Measure.PEOPLE, value::apply);
  }

  private static Column count(String header, Function<Figures, Long> value) {
    return new Column(header, Measure.COUNT, value::apply);
  }

  private static Column amount(String header, Function<Figures, BigDecimal> value) {
    return new Column(header, Measure.AMOUNT, value::apply);
  }

  private static Column rate(String header, Function<Figures, @Nullable BigDecimal> value) {
    return new Column(header, Measure.RATE, value::apply);
  }
}
