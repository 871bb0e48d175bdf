package cn.dangjian.dues.support;

import cn.dangjian.platform.problem.ProblemException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months are {@code yyyy-MM} in the API and the first day of the month in the database. */
public final class Months {

  private Months() {}

  public static Date sql(YearMonth month) {
    return Date.valueOf(month.atDay(1));
  }

  public static YearMonth of(LocalDate firstDay) {
    return firstDay == null ? null : YearMonth.from(firstDay);
  }

  public static YearMonth parse(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.badRequest("dues.month-format", String.valueOf(text));
    }
  }
}
