package cn.dangjian.dues.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.dues.config.RemittanceProperties;
import cn.dangjian.dues.config.RemittanceProperties.Rule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemittanceRatiosTest {

  static final String PROVINCE = "/p/";
  static final String COUNTY = "/p/c/";
  static final String BRANCH = "/p/c/b/";

  static RemittanceRatios ratios(Rule... rules) {
    return new RemittanceRatios(
        new RemittanceProperties(new BigDecimal("20"), List.of(rules), true, "0 0 1 1 1 *"));
  }

  static Rule rule(String prefix, String type, String percent) {
    return new Rule(prefix, type, new BigDecimal(percent));
  }

  @Test
  void remittanceUsesTheMostSpecificRatio() {
    RemittanceRatios ratios =
        ratios(
            rule(PROVINCE, null, "10"),
            rule(COUNTY, null, "30"),
            rule(null, "BRANCH", "40"),
            rule(COUNTY, "BRANCH", "50"),
            rule("/other/", null, "90"));
    // the longest matching prefix wins; on the same prefix the rule naming the type
    assertThat(ratios.percentFor(BRANCH, "BRANCH")).isEqualByComparingTo("50");
    assertThat(ratios.percentFor(BRANCH, "GENERAL_BRANCH")).isEqualByComparingTo("30");
    assertThat(ratios.percentFor("/p/x/", "GENERAL_BRANCH")).isEqualByComparingTo("10");
    // a prefix beats a type-only rule
    assertThat(ratios.percentFor("/p/x/", "BRANCH")).isEqualByComparingTo("10");
    assertThat(ratios.percentFor("/q/", "BRANCH")).isEqualByComparingTo("40");
    assertThat(ratios.percentFor("/q/", "PARTY_COMMITTEE")).isEqualByComparingTo("20");
  }

  @Test
  void withoutRulesTheDefaultApplies() {
    assertThat(ratios().percentFor(BRANCH, "BRANCH")).isEqualByComparingTo("20");
  }

  @Test
  void theShareIsRoundedToTheFen() {
    assertThat(RemittanceRatios.share(16_200, new BigDecimal("20"))).isEqualTo(3_240);
    assertThat(RemittanceRatios.share(1_003, new BigDecimal("12.5"))).isEqualTo(125);
    assertThat(RemittanceRatios.share(1_005, new BigDecimal("10"))).isEqualTo(101);
    assertThat(RemittanceRatios.share(1_000, BigDecimal.ZERO)).isZero();
  }

  @Test
  void aRatioOutsideZeroToHundredIsRefusedAtStart() {
    assertThatThrownBy(() -> ratios(rule(COUNTY, null, "120")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules[].percent");
  }

  @Test
  void theRunAtAQuartersStartCoversThePreviousQuarter() {
    assertThat(Quarter.before(LocalDate.of(2027, 1, 1))).hasToString("2026-Q4");
    assertThat(Quarter.before(LocalDate.of(2026, 4, 1))).hasToString("2026-Q1");
    assertThat(Quarter.parse("2026-Q3").start()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(Quarter.parse("2026-Q4").end()).isEqualTo(LocalDate.of(2027, 1, 1));
  }
}
