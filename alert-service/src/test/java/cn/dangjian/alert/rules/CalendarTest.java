package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CalendarTest {

  @Test
  void aStreakCountsTheMonthItBeganAndTheCurrentMonthOnlyOnceItHasEnded() {
    LocalDate since = LocalDate.of(2026, 8, 5);
    assertThat(Calendar.monthsOfStreak(since, LocalDate.of(2026, 11, 30))).isEqualTo(4);
    assertThat(Calendar.monthsOfStreak(since, LocalDate.of(2026, 11, 29))).isEqualTo(3);
    assertThat(Calendar.monthsOfStreak(since, LocalDate.of(2026, 8, 31))).isEqualTo(1);
    assertThat(Calendar.monthsOfStreak(since, LocalDate.of(2026, 8, 20))).isZero();
    assertThat(Calendar.monthsOfStreak(since, LocalDate.of(2027, 1, 31))).isEqualTo(6);
  }

  @Test
  void periodsEndOnTheirLastDay() {
    assertThat(Calendar.lastCompleteMonth(LocalDate.of(2026, 11, 30)))
        .isEqualTo(YearMonth.of(2026, 11));
    assertThat(Calendar.lastCompleteMonth(LocalDate.of(2026, 12, 1)))
        .isEqualTo(YearMonth.of(2026, 11));
    assertThat(Calendar.lastCompleteQuarterStart(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(Calendar.lastCompleteQuarterStart(LocalDate.of(2026, 12, 30)))
        .isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(Calendar.quarterLabel(LocalDate.of(2026, 10, 1))).isEqualTo("2026年第四季度");
    assertThat(Calendar.daysRelativeToYearEnd(LocalDate.of(2026, 10, 1))).isEqualTo(-91);
  }
}
