package cn.dangjian.member.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final LocalDate JAN = LocalDate.of(2026, 1, 10);
  private final UUID org = UUID.randomUUID();
  private final MemberState stored =
      MemberState.registered(UUID.randomUUID(), JAN, org, "/" + org + "/", "FULL");

  private Timeline<MemberState> timeline() {
    return new Timeline<>(stored, MemberState::validFrom, MemberState::at, MemberState::sameFacts);
  }

  @Test
  void aLateRecordIsDatedFromTheLatestPeriodNotBeforeIt() {
    Timeline<MemberState> t = timeline();
    MemberState dated = t.change(stored.withStatus("SUSPENDED"), JAN.minusMonths(3));
    assertThat(dated.validFrom()).isEqualTo(JAN);
  }

  @Test
  void twoChangesOnOneDayLeaveOnePeriod() {
    Timeline<MemberState> t = timeline();
    t.change(stored.withFlag("MOBILE", true), JAN.plusDays(5));
    t.change(t.current().withFlag("LOST_CONTACT", true), JAN.plusDays(5));
    assertThat(t.added()).hasSize(1);
    assertThat(t.current().mobile()).isTrue();
    assertThat(t.current().lostContact()).isTrue();
  }

  @Test
  void aChangeThatChangesNothingRecordsNothing() {
    Timeline<MemberState> t = timeline();
    assertThat(t.change(stored, JAN.plusMonths(1))).isNull();
    assertThat(t.added()).isEmpty();
  }
}
