package cn.dangjian.orglife.compliance;

import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar period: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code
 * 2026-11}).
 */
public record Period(PeriodUnit unit, String label, LocalDate from, LocalDate to) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  public static Period parse(String text) {
    String s = text == null ? "" : text.strip().toUpperCase();
    Matcher m;
    if ((m = YEAR.matcher(s)).matches()) {
      return year(Integer.parseInt(m.group(1)));
    }
    if ((m = QUARTER.matcher(s)).matches()) {
      return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    if ((m = MONTH.matcher(s)).matches()) {
      return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    throw ProblemException.badRequest("compliance.rule.period");
  }

  public static Period year(int year) {
    return new Period(
        PeriodUnit.YEAR,
        String.valueOf(year),
        LocalDate.of(year, 1, 1),
        LocalDate.of(year, 12, 31));
  }

  public static Period quarter(int year, int q) {
    YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
    return new Period(
        PeriodUnit.QUARTER, year + "-Q" + q, first.atDay(1), first.plusMonths(2).atEndOfMonth());
  }

  public static Period month(YearMonth ym) {
    return new Period(PeriodUnit.MONTH, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
  }

  /** The unit-sized period containing a date. */
  public static Period containing(PeriodUnit unit, LocalDate date) {
    return switch (unit) {
      case YEAR -> year(date.getYear());
      case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
      case MONTH -> month(YearMonth.from(date));
    };
  }

  /**
   * The periods of {@code unit} that overlap this period (a year requirement seen from a month is
   * the whole year).
   */
  public List<Period> unitsOf(PeriodUnit unit) {
    List<Period> result = new ArrayList<>();
    Period p = containing(unit, from);
    while (!p.from().isAfter(to)) {
      result.add(p);
      p = containing(unit, p.to().plusDays(1));
    }
    return result;
  }

  /** A date's month as the count table keys it: yyyymm. */
  public static int monthOf(LocalDate date) {
    return date.getYear() * 100 + date.getMonthValue();
  }

  public int fromMonth() {
    return monthOf(from);
  }

  public int toMonth() {
    return monthOf(to);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
