package cn.dangjian.assessment.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.assessment.indicator.IndicatorKind;
import cn.dangjian.assessment.indicator.Leaf;
import cn.dangjian.assessment.indicator.ScorerKind;
import cn.dangjian.assessment.indicator.ScoringMethod;
import cn.dangjian.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoringRulesTest {

  private static final CycleRules.Period YEAR_2024 =
      new CycleRules.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

  @Test
  void windowJudgesTheEndedMonthsUpToTheDay() {
    ScoringRules.Window w =
        ScoringRules.window(YEAR_2024, LocalDate.of(2024, 5, 20), BigDecimal.valueOf(32));
    assertThat(w.months()).isEqualTo(4);
    assertThat(w.quarters()).isEqualTo(2);
    assertThat(w.monthsFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(w.monthsTo()).isEqualTo(LocalDate.of(2024, 4, 30));
    assertThat(w.firstMonth()).isEqualTo(YearMonth.of(2024, 1));
    assertThat(w.until()).isEqualTo(LocalDate.of(2024, 5, 20));
    assertThat(w.requiredMeetings()).isEqualTo(2 * 4 + 2 * 2);
    assertThat(w.trainingHours()).isEqualByComparingTo("10.7");
  }

  @Test
  void windowAfterThePeriodStopsAtItsLastDay() {
    ScoringRules.Window w =
        ScoringRules.window(YEAR_2024, LocalDate.of(2025, 3, 1), BigDecimal.valueOf(32));
    assertThat(w.months()).isEqualTo(12);
    assertThat(w.until()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(w.trainingHours()).isEqualByComparingTo("32.0");
  }

  @Test
  void pointsStayWithinTheWeight() {
    Leaf leaf = leaf(ScoringMethod.MANUAL);
    ScoringRules.checkPoints(leaf, BigDecimal.ZERO);
    ScoringRules.checkPoints(leaf, new BigDecimal("10.00"));
    assertThatThrownBy(() -> ScoringRules.checkPoints(leaf, new BigDecimal("10.01")))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ScoringRules.checkPoints(leaf, new BigDecimal("-1")))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void automaticIndicatorsAreNotEnteredByHand() {
    ScoringRules.requireManual(leaf(ScoringMethod.MANUAL));
    assertThatThrownBy(() -> ScoringRules.requireManual(leaf(ScoringMethod.AUTOMATIC)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void labelsAndBounds() {
    assertThat(ScoringRules.shareLabel(new BigDecimal("60.00"))).isEqualTo("60");
    assertThat(ScoringRules.minPeerGroup(0)).isEqualTo(1);
    assertThat(ScoringRules.minPeerGroup(3)).isEqualTo(3);
    ScoringRules.requireNoMissingScores(0);
    assertThatThrownBy(() -> ScoringRules.requireNoMissingScores(2))
        .isInstanceOf(ProblemException.class);
  }

  private static Leaf leaf(ScoringMethod method) {
    return new Leaf(
        UUID.randomUUID(),
        "A1",
        "支部建设",
        IndicatorKind.BASE,
        BigDecimal.TEN,
        method,
        method == ScoringMethod.MANUAL ? ScorerKind.DEPARTMENT : null,
        null);
  }
}
