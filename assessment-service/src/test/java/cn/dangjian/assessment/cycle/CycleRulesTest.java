package cn.dangjian.assessment.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.assessment.AssessmentProperties;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CycleRulesTest {

  private final AssessmentProperties properties = AssessmentProperties.defaults();

  @Test
  void aBallotScoreIsTheMeanOfThePointsEachGradeGives() {
    // 6×100 + 3×80 + 1×60 + 0×0 = 900 over 10 ballots
    assertThat(CycleRules.ballotScore(6, 3, 1, 0, properties.ballotPoints()))
        .isEqualByComparingTo("90.00");
    assertThat(CycleRules.ballotScore(0, 0, 0, 4, properties.ballotPoints()))
        .isEqualByComparingTo("0");
    assertThatThrownBy(() -> CycleRules.ballotScore(0, 0, 0, 0, properties.ballotPoints()))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void gradeBandsAreGoodFairlyGoodAverageAndPoor() {
    var bands = properties.gradeBands();
    assertThat(CycleRules.grade(new BigDecimal("90"), bands)).isEqualTo(Grade.GOOD);
    assertThat(CycleRules.grade(new BigDecimal("89.99"), bands)).isEqualTo(Grade.FAIRLY_GOOD);
    assertThat(CycleRules.grade(new BigDecimal("60"), bands)).isEqualTo(Grade.AVERAGE);
    assertThat(CycleRules.grade(new BigDecimal("59.99"), bands)).isEqualTo(Grade.POOR);
    assertThat(CycleRules.stars(new BigDecimal("96"), properties.starBands())).isEqualTo(5);
    assertThat(CycleRules.stars(new BigDecimal("75"), properties.starBands())).isEqualTo(3);
    assertThat(CycleRules.stars(new BigDecimal("10"), properties.starBands())).isEqualTo(1);
  }

  @Test
  void theBottomTenPercentOfAPeerGroupIsRoundedUpAndSmallGroupsMarkNobody() {
    BigDecimal ten = BigDecimal.TEN;
    assertThat(CycleRules.bottomBandSize(20, ten, 3)).isEqualTo(2);
    assertThat(CycleRules.bottomBandSize(21, ten, 3)).isEqualTo(3);
    assertThat(CycleRules.bottomBandSize(3, ten, 3)).isEqualTo(1);
    assertThat(CycleRules.bottomBandSize(2, ten, 3)).isZero();
    assertThat(CycleRules.bottomBandSize(50_000, new BigDecimal("5"), 3)).isEqualTo(2_500);
  }

  @Test
  void percentileIsHundredForTheBestAndZeroForTheLast() {
    assertThat(CycleRules.percentile(1, 5)).isEqualByComparingTo("100");
    assertThat(CycleRules.percentile(5, 5)).isEqualByComparingTo("0");
    assertThat(CycleRules.percentile(2, 5)).isEqualByComparingTo("75");
    assertThat(CycleRules.percentile(1, 1)).isEqualByComparingTo("100");
  }

  @Test
  void aPeriodIsJudgedOnItsEndedMonthsOnly() {
    CycleRules.Period year = CycleRules.period(CycleKind.ANNUAL, 2026, null);
    assertThat(year.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(CycleRules.judgedMonths(year, LocalDate.of(2026, 12, 1)))
        .hasSize(11)
        .endsWith(YearMonth.of(2026, 11));
    assertThat(CycleRules.judgedMonths(year, LocalDate.of(2027, 3, 1))).hasSize(12);
    assertThat(CycleRules.judgedMonths(year, LocalDate.of(2026, 1, 10)))
        .containsExactly(YearMonth.of(2026, 1));
    CycleRules.Period q4 = CycleRules.period(CycleKind.QUARTERLY, 2026, 4);
    assertThat(q4.from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(CycleRules.quarters(CycleRules.judgedMonths(year, LocalDate.of(2027, 1, 1))))
        .isEqualTo(4);
    assertThatThrownBy(() -> CycleRules.period(CycleKind.QUARTERLY, 2026, null))
        .isInstanceOf(ProblemException.class);
  }
}
