package cn.dangjian.alert.notification;

import cn.dangjian.alert.channels.ExternalChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The no-noise policy (指尖上的形式主义 is what members complain of): the inbox always gets the
 * notification; an external send only on a channel the member wants; urgent items go at once;
 * non-urgent ones wait for the day's digest (or, with the digest off, for the end of quiet hours);
 * over the daily cap an item waits for the next digest (or stays in the inbox only). Plain, no
 * Spring.
 *
 * @param quietStart start of quiet hours (22:00)
 * @param quietEnd end of quiet hours (08:00)
 * @param digestEnabled whether non-urgent external items are merged into one daily message
 * @param digestAt when the digest goes (19:00)
 * @param dailyCap external sends per member and day (the digest itself is not counted: it is where
 *     held-back items go)
 * @param zone the calendar (Asia/Shanghai)
 */
record NoNoiseRules(
    LocalTime quietStart,
    LocalTime quietEnd,
    boolean digestEnabled,
    LocalTime digestAt,
    int dailyCap,
    ZoneId zone) {

  /** What happens to an external item now. */
  enum Action {
    /** Send it now. */
    SEND,
    /** Wait (quiet hours) until {@link Plan#at()}, then decide again. */
    DEFER,
    /** Wait for the digest at {@link Plan#at()}, which merges it with the day's others. */
    DIGEST,
    /** Inbox only: not sent externally (the reason says why). */
    SKIP
  }

  record Plan(Action action, @Nullable Instant at, @Nullable String reason) {}

  /** The channels an item of a kind takes for a member: chosen (or default) minus opted out. */
  static Set<ExternalChannel> channels(
      Set<ExternalChannel> defaults,
      @Nullable Set<ExternalChannel> chosen,
      Set<ExternalChannel> optedOut) {
    Set<ExternalChannel> channels = EnumSet.noneOf(ExternalChannel.class);
    channels.addAll(chosen != null ? chosen : defaults);
    channels.removeAll(optedOut);
    return channels;
  }

  boolean inQuietHours(Instant at) {
    LocalTime t = at.atZone(zone).toLocalTime();
    if (quietStart.equals(quietEnd)) {
      return false; // no quiet hours configured
    }
    return quietStart.isBefore(quietEnd)
        ? !t.isBefore(quietStart) && t.isBefore(quietEnd)
        : !t.isBefore(quietStart) || t.isBefore(quietEnd);
  }

  /** The first instant at or after {@code at} outside quiet hours. */
  Instant endOfQuietHours(Instant at) {
    if (!inQuietHours(at)) {
      return at;
    }
    ZonedDateTime local = at.atZone(zone);
    ZonedDateTime end = local.toLocalDate().atTime(quietEnd).atZone(zone);
    return end.isAfter(local) ? end.toInstant() : end.plusDays(1).toInstant();
  }

  /** Today's digest time if it is still to come, else tomorrow's; out of quiet hours. */
  Instant nextDigest(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime digest = local.toLocalDate().atTime(digestAt).atZone(zone);
    Instant at = digest.isAfter(local) ? digest.toInstant() : digest.plusDays(1).toInstant();
    return endOfQuietHours(at);
  }

  LocalDate dayOf(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  /** Where a new external item starts: urgent now, the others held (digest or quiet hours). */
  Plan onCreate(boolean urgent, Instant now) {
    if (urgent) {
      return new Plan(Action.SEND, now, null);
    }
    if (digestEnabled) {
      return new Plan(Action.DIGEST, nextDigest(now), "DIGEST");
    }
    return inQuietHours(now)
        ? new Plan(Action.DEFER, endOfQuietHours(now), "QUIET_HOURS")
        : new Plan(Action.SEND, now, null);
  }

  /**
   * Just before a send: a non-urgent item due during quiet hours waits for their end; an item over
   * the member's cap for the day goes to the next digest (inbox only when the digest is off). A
   * digest is never capped.
   *
   * @param sentToday external sends the member already had today (digests not counted)
   */
  Plan beforeSend(boolean urgent, boolean digest, int sentToday, Instant now) {
    if (!urgent && inQuietHours(now)) {
      return new Plan(Action.DEFER, endOfQuietHours(now), "QUIET_HOURS");
    }
    if (!digest && sentToday >= dailyCap) {
      return digestEnabled
          ? new Plan(Action.DIGEST, nextDigest(now), "DAILY_CAP")
          : new Plan(Action.SKIP, null, "DAILY_CAP");
    }
    return new Plan(Action.SEND, now, null);
  }

  /**
   * Exponential backoff for a RETRY: {@code initial × 2^(attempt−1)}, at most {@code max}; after
   * {@code maxAttempts} attempts the delivery is dead (null).
   */
  static @Nullable Duration retryAfter(
      int attemptsMade, int maxAttempts, Duration initial, Duration max) {
    if (attemptsMade >= maxAttempts) {
      return null;
    }
    Duration delay = initial.multipliedBy(1L << Math.min(20, Math.max(0, attemptsMade - 1)));
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
