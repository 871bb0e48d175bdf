package cn.dangjian.dues.config;

import cn.dangjian.dues.payment.PaymentRules;
import cn.dangjian.dues.profile.DuesRules;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain rule objects, built from configuration. */
@Configuration
public class DuesConfiguration {

  /** Calendar rules (month, year boundaries) use China Standard Time (ARCHITECTURE.md). */
  public static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

  @Bean
  DuesRules duesRules(DuesProperties properties) {
    return new DuesRules(properties.getRates().toRates());
  }

  @Bean
  PaymentRules paymentRules(DuesProperties properties) {
    DuesProperties.Payments payments = properties.getPayments();
    return new PaymentRules(
        payments.getBackMonths(), payments.getPrepayMonths(), payments.getCentreThresholdFen());
  }

  public static YearMonth currentMonth(Clock clock) {
    return YearMonth.now(clock.withZone(CALENDAR));
  }
}
