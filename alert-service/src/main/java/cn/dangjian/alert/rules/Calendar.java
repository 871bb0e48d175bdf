package cn.dangjian.alert.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** Calendar arithmetic the rules share (Asia/Shanghai calendar dates). */
public final class Calendar {

  /** Calendar rules (month, quarter, year boundaries) follow the platform's party calendar. */
  public static final java.time.ZoneId ZONE = cn.dangjian.platform.time.PartyCalendar.ZONE;

  private Calendar() {}

  public static LocalDate today(java.time.Clock clock) {
    return cn.dangjian.platform.time.PartyCalendar.today(clock);
  }

  /**
   * Calendar months of a streak that began on {@code since}, counting the month it began and every
   * month after it up to {@code asOf}'s month — that last one only once it has ended (asOf is its
   * last day). Absent since 5 Aug, as of 30 Nov: Aug–Nov = 4; as of 15 Nov: 3.
   */
  public static int monthsOfStreak(LocalDate since, LocalDate asOf) {
    if (asOf.isBefore(since)) {
      return 0;
    }
    YearMonth first = YearMonth.from(since);
    YearMonth last = YearMonth.from(asOf);
    if (!asOf.equals(last.atEndOfMonth())) {
      last = last.minusMonths(1);
    }
    long months = ChronoUnit.MONTHS.between(first, last) + 1;
    return (int) Math.max(0, months);
  }

  /** Whole months elapsed from {@code since} to {@code asOf} (3 Mar → 3 Jun = 3). */
  public static int monthsElapsed(LocalDate since, LocalDate asOf) {
    return asOf.isBefore(since) ? 0 : (int) ChronoUnit.MONTHS.between(since, asOf);
  }

  /** Days from {@code due} to {@code asOf}: negative before the due date, 0 on it. */
  public static long daysRelativeTo(LocalDate due, LocalDate asOf) {
    return ChronoUnit.DAYS.between(due, asOf);
  }

  /** Days relative to the last day of asOf's year (negative before it, 0 on 31 Dec). */
  public static long daysRelativeToYearEnd(LocalDate asOf) {
    return daysRelativeTo(LocalDate.of(asOf.getYear(), 12, 31), asOf);
  }

  /** The last month that has fully ended on {@code asOf} (asOf itself if it is a month end). */
  public static YearMonth lastCompleteMonth(LocalDate asOf) {
    YearMonth month = YearMonth.from(asOf);
    return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
  }

  /** The first day of the last quarter that has fully ended on {@code asOf}. */
  public static LocalDate lastCompleteQuarterStart(LocalDate asOf) {
    LocalDate quarterStart = quarterStart(asOf);
    LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
    return asOf.equals(quarterEnd) ? quarterStart : quarterStart.minusMonths(3);
  }

  public static LocalDate quarterStart(LocalDate date) {
    int quarter = date.get(IsoFields.QUARTER_OF_YEAR);
    return LocalDate.of(date.getYear(), (quarter - 1) * 3 + 1, 1);
  }

  public static String monthLabel(YearMonth month) {
    return month.getYear() + "年" + month.getMonthValue() + "月";
  }

  public static String quarterLabel(LocalDate quarterStart) {
    String[] names = {"一", "二", "三", "四"};
    return quarterStart.getYear()
        + "年第"
        + names[quarterStart.get(IsoFields.QUARTER_OF_YEAR) - 1]
        + "季度";
  }
}
