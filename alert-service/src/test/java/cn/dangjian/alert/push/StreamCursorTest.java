package cn.dangjian.alert.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamCursorTest {

  @Test
  void anIdCommittedLateIsStillDeliveredOnceAndNothingTwice() {
    StreamCursor cursor = new StreamCursor(10, 60_000);
    assertThat(cursor.accept(11, 0)).isTrue();
    // 12 and 13 belong to a transaction still running; 14 committed first
    assertThat(cursor.accept(14, 0)).isTrue();
    assertThat(cursor.missing(0)).containsExactly(new StreamEventStore.Range(12, 13));
    assertThat(cursor.delivered(12)).isFalse();
    assertThat(cursor.delivered(11)).isTrue();
    assertThat(cursor.accept(13, 1_000)).isTrue();
    assertThat(cursor.accept(13, 1_000)).isFalse();
    assertThat(cursor.accept(14, 1_000)).isFalse();
    assertThat(cursor.missing(1_000)).containsExactly(new StreamEventStore.Range(12, 12));
    assertThat(cursor.accept(12, 2_000)).isTrue();
    assertThat(cursor.missing(2_000)).isEmpty();
    assertThat(cursor.high()).isEqualTo(14);
  }

  @Test
  void aGapThatNeverFillsIsGivenUpAfterThePatience() {
    StreamCursor cursor = new StreamCursor(0, 5_000);
    cursor.accept(5, 0); // 1–4 rolled back
    cursor.accept(3, 100); // splits the gap
    assertThat(cursor.missing(100))
        .containsExactlyInAnyOrder(
            new StreamEventStore.Range(1, 2), new StreamEventStore.Range(4, 4));
    assertThat(cursor.missing(5_000)).isEmpty();
    assertThat(cursor.accept(2, 6_000)).isFalse();
  }
}
