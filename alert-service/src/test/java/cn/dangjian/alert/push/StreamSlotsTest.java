package cn.dangjian.alert.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamSlotsTest {

  @Test
  void aCallerHoldsAtMostTheMaximumAndAReleasedSlotCanBeTakenAgain() {
    StreamSlots slots = new StreamSlots(3);
    assertThat(slots.acquire("a")).isTrue();
    assertThat(slots.acquire("a")).isTrue();
    assertThat(slots.acquire("a")).isTrue();
    assertThat(slots.acquire("a")).isFalse();
    assertThat(slots.acquire("b")).isTrue();
    slots.release("a");
    assertThat(slots.held("a")).isEqualTo(2);
    assertThat(slots.acquire("a")).isTrue();
    slots.release("b");
    slots.release("b");
    assertThat(slots.held("b")).isZero();
  }
}
