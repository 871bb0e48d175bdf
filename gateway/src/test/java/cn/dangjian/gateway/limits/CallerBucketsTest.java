package cn.dangjian.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallerBucketsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void callerMaySpendItsBurstAtOnceAndIsThenToldHowLongToWait() {
    CallerBuckets buckets = new CallerBuckets(2, 3, 100);

    for (int i = 0; i < 3; i++) {
      assertThat(buckets.tryAcquire("a", 0)).isEqualTo(CallerBuckets.ALLOWED);
    }
    assertThat(buckets.tryAcquire("a", 0)).isEqualTo(1);
  }

  @Test
  void bucketRefillsAtTheSustainedRate() {
    CallerBuckets buckets = new CallerBuckets(2, 1, 100);
    assertThat(buckets.tryAcquire("a", 0)).isEqualTo(CallerBuckets.ALLOWED);
    assertThat(buckets.tryAcquire("a", SECOND / 4)).isNotEqualTo(CallerBuckets.ALLOWED);
    assertThat(buckets.tryAcquire("a", SECOND / 2)).isEqualTo(CallerBuckets.ALLOWED);
  }

  @Test
  void callersHaveSeparateBuckets() {
    CallerBuckets buckets = new CallerBuckets(1, 1, 100);
    assertThat(buckets.tryAcquire("a", 0)).isEqualTo(CallerBuckets.ALLOWED);
    assertThat(buckets.tryAcquire("b", 0)).isEqualTo(CallerBuckets.ALLOWED);
    assertThat(buckets.tryAcquire("a", 0)).isNotEqualTo(CallerBuckets.ALLOWED);
  }

  @Test
  void idleCallersAreForgottenWhenTheTrackingLimitIsReached() {
    CallerBuckets buckets = new CallerBuckets(1, 1, 2);
    buckets.tryAcquire("a", 0);
    buckets.tryAcquire("b", 0);

    buckets.tryAcquire("c", 10 * SECOND);

    assertThat(buckets.trackedCallers()).isEqualTo(1);
  }
}
