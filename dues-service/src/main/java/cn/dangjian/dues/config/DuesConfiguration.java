package cn.dangjian.dues.config;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The service's calendar. The rule objects are built by the features that own them
 * (ProfileConfiguration, PaymentConfiguration) from {@link DuesProperties}.
 */
public final class DuesConfiguration {

  /** Calendar rules (month, year boundaries) use China Standard Time (ARCHITECTURE.md). */
  public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

  private DuesConfiguration() {}

  public static YearMonth currentMonth(Clock clock) {
    return YearMonth.now(clock.withZone(CALENDAR));
  }
}
