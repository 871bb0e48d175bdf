package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dangjian.notifications.*}: the rules per kind (each field overrides {@link
 * NotificationKind}'s default), the no-noise settings, delivery retries and the unsubscribe link.
 *
 * @param enabled false: events make no notifications (the inbox API still answers)
 * @param rules per kind: enabled, urgent, default external channels, title and body templates
 * @param quietHours non-urgent external sends wait from start to end (Asia/Shanghai)
 * @param digest the daily digest of non-urgent external items
 * @param dailyCap external sends per member and day; more go to the next digest
 * @param reminderBefore how long before a meeting's start its reminder goes
 * @param delivery the delivery worker and its retries (per channel overrides)
 * @param unsubscribe the signed one-click unsubscribe link
 * @param dailyCron the daily rules (training hours in Q4, arrears lists, expired letters); "-" off
 * @param scheduled false: no recurring tasks (tests drive the ticks themselves)
 * @param fanoutOrgsPerChunk branches per INSERT … SELECT chunk of a subtree fan-out
 */
@ConfigurationProperties("dangjian.notifications")
record NotificationProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable Map<NotificationKind, Rule> rules,
    @DefaultValue QuietHours quietHours,
    @DefaultValue Digest digest,
    @DefaultValue("3") int dailyCap,
    @DefaultValue("24h") Duration reminderBefore,
    @DefaultValue Delivery delivery,
    @DefaultValue Unsubscribe unsubscribe,
    @DefaultValue("0 0 9 * * *") String dailyCron,
    @DefaultValue("true") boolean scheduled,
    @DefaultValue("300") int fanoutOrgsPerChunk) {

  /** One kind's rule; a null field keeps the kind's default. */
  record Rule(
      @Nullable Boolean enabled,
      @Nullable Boolean urgent,
      @Nullable Set<ExternalChannel> channels,
      @Nullable String title,
      @Nullable String body) {}

  record QuietHours(
      @DefaultValue("22:00") LocalTime start,
      @DefaultValue("08:00") LocalTime end,
      @DefaultValue("Asia/Shanghai") String zone) {}

  record Digest(@DefaultValue("true") boolean enabled, @DefaultValue("19:00") LocalTime at) {}

  /**
   * @param interval how often the worker looks for due deliveries
   * @param batchSize deliveries claimed per round
   * @param lease how long a claimed delivery is kept from other workers while it is being sent
   * @param maxAttempts attempts before a delivery is DEAD (default for every channel)
   * @param initialBackoff the first retry's delay, doubled each time
   * @param maxBackoff the longest delay between two attempts
   * @param channels per channel overrides of the three retry settings
   */
  record Delivery(
      @DefaultValue("10s") Duration interval,
      @DefaultValue("200") int batchSize,
      @DefaultValue("5m") Duration lease,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("1m") Duration initialBackoff,
      @DefaultValue("1h") Duration maxBackoff,
      @Nullable Map<ExternalChannel, Retry> channels) {}

  record Retry(
      @Nullable Integer maxAttempts,
      @Nullable Duration initialBackoff,
      @Nullable Duration maxBackoff) {}

  /**
   * @param secret HMAC key of the tokens (at least 16 characters; from the secret store in prod)
   * @param baseUrl the public address the link starts with (the gateway's)
   */
  record Unsubscribe(
      @DefaultValue("local-only-unsubscribe-secret-change-me") String secret,
      @DefaultValue("http://localhost:8080") String baseUrl) {}
}
