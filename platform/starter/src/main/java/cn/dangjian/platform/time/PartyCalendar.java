package cn.dangjian.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The calendar the regulations count in: months, quarters, years and "within N days" are dates in
 * Asia/Shanghai. Instants are stored and exchanged as instants; only calendar rules convert, and
 * they convert here.
 */
public final class PartyCalendar {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private PartyCalendar() {}

  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }

  public static YearMonth thisMonth(Clock clock) {
    return YearMonth.from(today(clock));
  }

  /** The calendar day an instant falls on. */
  public static LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }
}
