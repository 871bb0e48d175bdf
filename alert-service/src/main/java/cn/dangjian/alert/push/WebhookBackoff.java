package cn.dangjian.alert.push;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff ({@code initial × 2^(attempt-1)},
 * capped at {@code max}) plus random jitter of up to {@code jitter} of that wait, so the deliveries
 * a receiver's outage failed together do not all return at the same instant.
 */
final class WebhookBackoff {

  private WebhookBackoff() {}

  static Duration delay(
      Duration initial, Duration max, double jitter, int attempts, RandomGenerator random) {
    long base = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
    base = Math.min(base < 0 ? Long.MAX_VALUE : base, max.toMillis());
    long extra = (long) (base * jitter * random.nextDouble());
    return Duration.ofMillis(base + extra);
  }
}
