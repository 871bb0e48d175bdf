package cn.dangjian.dues.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackNoncesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(5);

  @Test
  void aCallbackIsFreshOnlyWithinTheWindowEitherWay() {
    assertThat(CallbackNonces.isFresh(NOW, NOW, WINDOW)).isTrue();
    assertThat(CallbackNonces.isFresh(NOW.minus(WINDOW), NOW, WINDOW)).isTrue();
    assertThat(CallbackNonces.isFresh(NOW.plus(WINDOW), NOW, WINDOW)).isTrue();
    assertThat(CallbackNonces.isFresh(NOW.minus(WINDOW).minusSeconds(1), NOW, WINDOW)).isFalse();
    assertThat(CallbackNonces.isFresh(NOW.plus(WINDOW).plusSeconds(1), NOW, WINDOW)).isFalse();
  }
}
