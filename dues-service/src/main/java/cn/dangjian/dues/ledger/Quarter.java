package cn.dangjian.dues.ledger;

import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026-Q1}. */
public record Quarter(int year, int number) {

  private static final Pattern FORMAT = Pattern.compile("^(\\d{4})-Q([1-4])$");

  public static Quarter parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches()) {
      throw ProblemException.badRequest("ledger.quarter-format", text);
    }
    return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public static Quarter of(LocalDate day) {
    return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  /** The quarter before the one holding {@code day}: what the run at a quarter's start covers. */
  public static Quarter before(LocalDate day) {
    return of(of(day).start().minusDays(1));
  }

  public LocalDate start() {
    return LocalDate.of(year, (number - 1) * 3 + 1, 1);
  }

  /** The first day after the quarter. */
  public LocalDate end() {
    return start().plusMonths(3);
  }

  @Override
  public String toString() {
    return year + "-Q" + number;
  }
}
