package cn.dangjian.dues.config;

import cn.dangjian.platform.time.PartyCalendar;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The service's calendar. The rule objects are built by the features that own them
 * (ProfileConfiguration, PaymentConfiguration) from {@link DuesProperties}.
 */
public final class DuesConfiguration {

  /** Calendar rules (month, year boundaries) follow the platform's party calendar. */
  public static final ZoneId CALENDAR = PartyCalendar.ZONE;

  private DuesConfiguration() {}

  public static YearMonth currentMonth(Clock clock) {
    return PartyCalendar.thisMonth(clock);
  }

  public static java.time.LocalDate today(Clock clock) {
    return java.time.LocalDate.now(clock.withZone(CALENDAR));
  }
}
