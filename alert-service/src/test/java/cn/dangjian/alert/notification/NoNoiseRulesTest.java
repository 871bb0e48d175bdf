package cn.dangjian.alert.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.channels.ExternalChannel;
import cn.dangjian.alert.notification.NoNoiseRules.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NoNoiseRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static NoNoiseRules rules(boolean digest) {
    return new NoNoiseRules(
        LocalTime.of(22, 0), LocalTime.of(8, 0), digest, LocalTime.of(19, 0), 3, SHANGHAI);
  }

  private static Instant at(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SHANGHAI).toInstant();
  }

  @Test
  void quietHoursDeferNonUrgentNotifications() {
    NoNoiseRules rules = rules(false);
    NoNoiseRules.Plan late = rules.onCreate(false, at("2026-11-30T23:15:00"));
    assertThat(late.action()).isEqualTo(Action.DEFER);
    assertThat(late.at()).isEqualTo(at("2026-12-01T08:00:00"));
    NoNoiseRules.Plan early = rules.onCreate(false, at("2026-12-01T06:59:00"));
    assertThat(early.at()).isEqualTo(at("2026-12-01T08:00:00"));
    // a delivery queued by day but due at night waits too
    assertThat(rules.beforeSend(false, false, 0, at("2026-11-30T22:00:00")).action())
        .isEqualTo(Action.DEFER);
    assertThat(rules.onCreate(false, at("2026-11-30T21:59:00")).action()).isEqualTo(Action.SEND);
  }

  @Test
  void urgentNotificationsIgnoreQuietHours() {
    assertThat(rules(true).onCreate(true, at("2026-11-30T23:15:00")).action())
        .isEqualTo(Action.SEND);
    assertThat(rules(true).beforeSend(true, false, 0, at("2026-11-30T23:15:00")).action())
        .isEqualTo(Action.SEND);
  }

  @Test
  void dailyDigestMergesNonUrgentItems() {
    NoNoiseRules rules = rules(true);
    NoNoiseRules.Plan morning = rules.onCreate(false, at("2026-11-30T09:30:00"));
    NoNoiseRules.Plan afternoon = rules.onCreate(false, at("2026-11-30T16:00:00"));
    assertThat(morning.action()).isEqualTo(Action.DIGEST);
    // both wait for the same 19:00 message
    assertThat(morning.at()).isEqualTo(afternoon.at()).isEqualTo(at("2026-11-30T19:00:00"));
    // after today's digest: tomorrow's
    assertThat(rules.onCreate(false, at("2026-11-30T19:30:00")).at())
        .isEqualTo(at("2026-12-01T19:00:00"));
  }

  @Test
  void digestTimeInsideQuietHoursWaitsForTheirEnd() {
    NoNoiseRules rules =
        new NoNoiseRules(
            LocalTime.of(22, 0), LocalTime.of(8, 0), true, LocalTime.of(23, 0), 3, SHANGHAI);
    assertThat(rules.nextDigest(at("2026-11-30T12:00:00"))).isEqualTo(at("2026-12-01T08:00:00"));
  }

  @Test
  void capPerMemberPerDayHoldsBackExtraSends() {
    NoNoiseRules rules = rules(true);
    Instant noon = at("2026-11-30T12:00:00");
    assertThat(rules.beforeSend(true, false, 2, noon).action()).isEqualTo(Action.SEND);
    NoNoiseRules.Plan fourth = rules.beforeSend(true, false, 3, noon);
    assertThat(fourth.action()).isEqualTo(Action.DIGEST);
    assertThat(fourth.reason()).isEqualTo("DAILY_CAP");
    // the digest itself is where held items go: never capped
    assertThat(rules.beforeSend(false, true, 9, at("2026-11-30T19:00:00")).action())
        .isEqualTo(Action.SEND);
    // without a digest an item over the cap stays in the inbox only
    assertThat(rules(false).beforeSend(true, false, 3, noon).action()).isEqualTo(Action.SKIP);
  }

  @Test
  void memberOptOutStopsExternalChannel() {
    EnumSet<ExternalChannel> defaults = EnumSet.of(ExternalChannel.WECHAT);
    assertThat(NoNoiseRules.channels(defaults, null, EnumSet.noneOf(ExternalChannel.class)))
        .containsExactly(ExternalChannel.WECHAT);
    assertThat(NoNoiseRules.channels(defaults, null, EnumSet.of(ExternalChannel.WECHAT))).isEmpty();
    // a member's own choice replaces the default; an opt-out still wins
    assertThat(
            NoNoiseRules.channels(
                defaults,
                EnumSet.of(ExternalChannel.SMS, ExternalChannel.EMAIL),
                EnumSet.of(ExternalChannel.EMAIL)))
        .containsExactly(ExternalChannel.SMS);
  }

  @Test
  void defaultChannelsAreWechatForMeetingAndDuesKindsOnly() {
    assertThat(NotificationKind.MEETING_PLANNED.defaultChannels())
        .containsExactly(ExternalChannel.WECHAT);
    assertThat(NotificationKind.DUES_OVERDUE.defaultChannels())
        .containsExactly(ExternalChannel.WECHAT);
    assertThat(NotificationKind.ALERT_RAISED.defaultChannels()).isEmpty();
    assertThat(NotificationKind.TRAINING_HOURS_SHORT.defaultChannels()).isEmpty();
  }

  @Test
  void retriesBackOffExponentiallyUntilTheLastAttempt() {
    Duration initial = Duration.ofMinutes(1);
    Duration max = Duration.ofMinutes(10);
    assertThat(NoNoiseRules.retryAfter(1, 5, initial, max)).isEqualTo(Duration.ofMinutes(1));
    assertThat(NoNoiseRules.retryAfter(2, 5, initial, max)).isEqualTo(Duration.ofMinutes(2));
    assertThat(NoNoiseRules.retryAfter(4, 5, initial, max)).isEqualTo(Duration.ofMinutes(8));
    assertThat(NoNoiseRules.retryAfter(4, 6, initial, Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(NoNoiseRules.retryAfter(5, 5, initial, max)).isNull();
  }
}
