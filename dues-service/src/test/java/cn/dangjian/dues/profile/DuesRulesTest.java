package cn.dangjian.dues.profile;

import static cn.dangjian.dues.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DuesRulesTest {

  private final DuesRules rules = new DuesRules(DuesRates.national());

  private long employed(long baseFen) {
    return rules.assess(DuesCategory.EMPLOYED, baseFen, null).amountFen();
  }

  /** DOMAIN §3.1 worked examples, to the fen. */
  @ParameterizedTest(name = "{0} 元 → {1} 元")
  @CsvSource({
    "3000.00, 15.00",
    "3200.00, 32.00",
    "5000.00, 50.00",
    "5400.00, 81.00",
    "10000.00, 150.00",
    "11500.00, 230.00"
  })
  void workedExamplesOfTheRegulationComeOutExactly(String base, String dues) {
    assertThat(DuesRules.yuan(employed(fen(base)))).isEqualTo(dues);
  }

  @Test
  void bracketEdge3000BelongsToTheHalfPercentBracket() {
    assertThat(employed(300_000)).isEqualTo(1_500);
    assertThat(rules.assess(DuesCategory.EMPLOYED, 300_000L, null).ratePercent())
        .isEqualByComparingTo("0.5");
  }

  @Test
  void bracketEdge3000Point01JumpsToOnePercentOnTheWholeBase() {
    // 3000.01 × 1 % = 30.0001 → 30.00 (HALF_UP to the fen), not 15.00 + 0.0001
    assertThat(employed(300_001)).isEqualTo(3_000);
    assertThat(rules.assess(DuesCategory.EMPLOYED, 300_001L, null).ratePercent())
        .isEqualByComparingTo("1");
  }

  @Test
  void bracketEdge5000StaysAtOnePercentAnd5000Point01PaysOneAndAHalf() {
    assertThat(employed(500_000)).isEqualTo(5_000);
    assertThat(employed(500_001)).isEqualTo(7_500); // 75.00015 → 75.00
  }

  @Test
  void bracketEdge10000StaysAtOneAndAHalfPercentAndAboveItTwo() {
    assertThat(employed(1_000_000)).isEqualTo(15_000);
    assertThat(employed(1_000_001)).isEqualTo(20_000); // 200.0002 → 200.00
  }

  @Test
  void roundingIsHalfUpToTheFen() {
    assertThat(employed(100_100)).isEqualTo(501); // 1001 × 0.5 % = 5.005 → 5.01
    assertThat(employed(100_099)).isEqualTo(500); // 5.00495 → 5.00
    assertThat(employed(0)).isZero();
  }

  @ParameterizedTest
  @EnumSource(
      value = DuesCategory.class,
      names = {"EMPLOYED", "ANNUAL_SALARY", "SELF_EMPLOYED"})
  void salaryCategoriesUseTheSameTable(DuesCategory category) {
    assertThat(rules.assess(category, 540_000L, null).amountFen()).isEqualTo(8_100);
  }

  @Test
  void retireePension5000PaysHalfAPercentAndAboveItOnePercent() {
    assertThat(rules.assess(DuesCategory.RETIRED, 500_000L, null).amountFen()).isEqualTo(2_500);
    assertThat(rules.assess(DuesCategory.RETIRED, 500_001L, null).amountFen()).isEqualTo(5_000);
    assertThat(rules.assess(DuesCategory.RETIRED, 320_000L, null).amountFen()).isEqualTo(1_600);
  }

  @ParameterizedTest
  @EnumSource(
      value = DuesCategory.class,
      names = {"STUDENT", "UNEMPLOYED", "LOW_INCOME"})
  void studentsUnemployedAndLowIncomePayAFixedTwentyFen(DuesCategory category) {
    assertThat(rules.assess(category, null, null).amountFen()).isEqualTo(20);
    assertRule(() -> rules.assess(category, 100_000L, null), "no-base-for-fixed-category");
    assertRule(() -> rules.assess(category, null, 50L), "fixed-category-amount-is-fixed");
  }

  @Test
  void farmersPayAFixedAmountBetweenTwentyFenAndOneYuan() {
    assertThat(rules.assess(DuesCategory.FARMER, null, null).amountFen()).isEqualTo(20);
    assertThat(rules.assess(DuesCategory.FARMER, null, 100L).amountFen()).isEqualTo(100);
    assertThat(rules.assess(DuesCategory.FARMER, null, 50L).amountFen()).isEqualTo(50);
    assertRule(() -> rules.assess(DuesCategory.FARMER, null, 19L), "farmer-amount-within-range");
    assertRule(() -> rules.assess(DuesCategory.FARMER, null, 101L), "farmer-amount-within-range");
  }

  @Test
  void incomeCategoriesNeedADeclaredBase() {
    assertRule(() -> rules.assess(DuesCategory.EMPLOYED, null, null), "base-required-for-category");
    assertRule(() -> rules.assess(DuesCategory.RETIRED, null, null), "base-required-for-category");
    assertRule(() -> rules.assess(DuesCategory.EMPLOYED, -1L, null), "base-not-negative");
  }

  @Test
  void ratesAreConfigurationAProvinceMayChangeThem() {
    DuesRates province =
        new DuesRates(
            List.of(
                new DuesRates.Bracket(400_000L, new BigDecimal("0.5")),
                new DuesRates.Bracket(null, new BigDecimal("1"))),
            DuesRates.national().retiree(),
            10,
            10,
            200,
            50);
    DuesRules other = new DuesRules(province);
    assertThat(other.assess(DuesCategory.EMPLOYED, 400_000L, null).amountFen()).isEqualTo(2_000);
    assertThat(other.assess(DuesCategory.STUDENT, null, null).amountFen()).isEqualTo(10);
    assertThat(other.assess(DuesCategory.FARMER, null, null).amountFen()).isEqualTo(50);
  }

  @Test
  void aRateTableMustBeClosedByAnOpenEndedBracket() {
    assertThatThrownBy(
            () ->
                new DuesRates(
                    List.of(new DuesRates.Bracket(300_000L, BigDecimal.ONE)),
                    DuesRates.national().retiree(),
                    20,
                    20,
                    100,
                    20))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hardshipReductionOrWaiverNeedsWhoWhichMeetingAndUntilWhen() {
    YearMonth from = YearMonth.of(2026, 3);
    LocalDate on = LocalDate.of(2026, 2, 20);
    assertRule(
        () ->
            rules.checkHardship(
                Hardship.WAIVED, null, 1500, null, "支部大会2026-02", on, on.plusMonths(6), from),
        "hardship-needs-recorded-approval");
    assertRule(
        () ->
            rules.checkHardship(
                Hardship.WAIVED, null, 1500, "城关镇党委", " ", on, on.plusMonths(6), from),
        "hardship-needs-recorded-approval");
    assertRule(
        () -> rules.checkHardship(Hardship.WAIVED, null, 1500, "城关镇党委", "支部大会", on, null, from),
        "hardship-needs-recorded-approval");
    assertRule(
        () ->
            rules.checkHardship(
                Hardship.REDUCED, 1500L, 1500, "城关镇党委", "支部大会", on, on.plusMonths(6), from),
        "reduction-below-standard");
    assertRule(
        () ->
            rules.checkHardship(
                Hardship.REDUCED, 500L, 1500, "城关镇党委", "支部大会", on, on.minusDays(1), from),
        "hardship-until-after-approval");
    rules.checkHardship(Hardship.REDUCED, 500L, 1500, "城关镇党委", "支部大会", on, on.plusMonths(6), from);
  }

  @Test
  void hardshipAppliesToBillsUpToItsEndThenTheStandardAmountReturns() {
    LocalDate until = LocalDate.of(2026, 6, 30);
    assertThat(DuesRules.amountFor(YearMonth.of(2026, 6), 1500, Hardship.REDUCED, 500L, until))
        .isEqualTo(500);
    assertThat(DuesRules.amountFor(YearMonth.of(2026, 7), 1500, Hardship.REDUCED, 500L, until))
        .isEqualTo(1500);
    assertThat(DuesRules.amountFor(YearMonth.of(2026, 6), 1500, Hardship.WAIVED, null, until))
        .isZero();
    assertThat(DuesRules.amountFor(YearMonth.of(2026, 6), 1500, Hardship.NONE, null, null))
        .isEqualTo(1500);
  }

  private static long fen(String yuan) {
    return new BigDecimal(yuan).movePointRight(2).longValueExact();
  }
}
