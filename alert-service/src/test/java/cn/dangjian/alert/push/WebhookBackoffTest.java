package cn.dangjian.alert.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void waitsDoubleEachAttemptUpToTheCap() {
    Duration initial = Duration.ofSeconds(30);
    Duration max = Duration.ofHours(1);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 1, fixed(0))).hasSeconds(30);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 2, fixed(0))).hasSeconds(60);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 5, fixed(0))).hasSeconds(480);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 9, fixed(0))).isEqualTo(max);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 80, fixed(0))).isEqualTo(max);
  }

  @Test
  void jitterAddsUpToItsFractionOfTheWaitAndNeverShortensIt() {
    Duration initial = Duration.ofSeconds(30);
    Duration max = Duration.ofHours(1);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 2, fixed(0.999999)).toMillis())
        .isBetween(60_000L, 75_000L);
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 2, fixed(0.5))).hasMillis(67_500);
    // two failures of the same outage do not come back at the same instant
    assertThat(WebhookBackoff.delay(initial, max, 0.25, 3, fixed(0.1)))
        .isNotEqualTo(WebhookBackoff.delay(initial, max, 0.25, 3, fixed(0.7)));
  }
}
