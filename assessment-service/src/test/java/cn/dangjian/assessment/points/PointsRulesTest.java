package cn.dangjian.assessment.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void pointsForOneActionStopAtItsDailyCap() {
    // 2 points per meeting, at most 4 a day
    assertThat(PointsRules.credit(d("2"), d("1"), d("4"), d("0"))).isEqualByComparingTo("2");
    assertThat(PointsRules.credit(d("2"), d("1"), d("4"), d("2"))).isEqualByComparingTo("2");
    assertThat(PointsRules.credit(d("2"), d("1"), d("4"), d("4"))).isEqualByComparingTo("0");
    assertThat(PointsRules.credit(d("2"), d("1"), d("4"), d("3"))).isEqualByComparingTo("1");
  }

  @Test
  void hourlyRulesMultiplyAndAreCappedToo() {
    // 0.5 per training hour, at most 4 a day: 10 hours give 4
    assertThat(PointsRules.credit(d("0.5"), d("3"), d("4"), d("0"))).isEqualByComparingTo("1.5");
    assertThat(PointsRules.credit(d("0.5"), d("10"), d("4"), d("0"))).isEqualByComparingTo("4");
  }

  @Test
  void deductionsStopAtTheirDailyCapInMagnitude() {
    assertThat(PointsRules.credit(d("-3"), d("1"), d("6"), d("0"))).isEqualByComparingTo("-3");
    assertThat(PointsRules.credit(d("-3"), d("1"), d("6"), d("-3"))).isEqualByComparingTo("-3");
    assertThat(PointsRules.credit(d("-3"), d("1"), d("6"), d("-6"))).isEqualByComparingTo("0");
  }
}
