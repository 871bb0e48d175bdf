package cn.dangjian.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's clock in tests: real time, shifted so that the tests start at 30 Nov 2026 12:00
 * Asia/Shanghai whatever day CI runs. Event-driven rules evaluate "as of today" by this clock.
 */
@TestConfiguration
public class TestClockConfiguration {

  public static final Instant START =
      ZonedDateTime.parse("2026-11-30T12:00:00+08:00[Asia/Shanghai]").toInstant();

  @Bean
  Clock clock() {
    return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
  }
}
