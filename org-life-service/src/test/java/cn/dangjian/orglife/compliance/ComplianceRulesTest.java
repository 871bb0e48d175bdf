package cn.dangjian.orglife.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.orglife.compliance.ComplianceRules.UnitStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ComplianceRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

  @Test
  void frequencyPerTypeMonthlyCommitteeMeetingsGiveTwelveUnitsAYear() {
    assertThat(Period.parse("2026").unitsOf(PeriodUnit.MONTH)).hasSize(12);
    assertThat(Period.parse("2026").unitsOf(PeriodUnit.QUARTER)).hasSize(4);
    assertThat(Period.parse("2026-Q4").unitsOf(PeriodUnit.MONTH))
        .extracting(Period::label)
        .containsExactly("2026-10", "2026-11", "2026-12");
  }

  @Test
  void frequencyPerTypeAYearlyRequirementSeenFromAMonthIsTheWholeYear() {
    assertThat(Period.parse("2026-11").unitsOf(PeriodUnit.YEAR))
        .extracting(Period::label)
        .containsExactly("2026");
    assertThat(Period.parse("2026-11").unitsOf(PeriodUnit.QUARTER))
        .extracting(Period::label)
        .containsExactly("2026-Q4");
  }

  @Test
  void aPastUnitWithoutTheMeetingIsMissingTheRunningOneIsOpenAFutureOneNotDue() {
    assertThat(ComplianceRules.status(Period.parse("2026-10"), 0, 1, TODAY))
        .isEqualTo(UnitStatus.MISSING);
    assertThat(ComplianceRules.status(Period.parse("2026-11"), 0, 1, TODAY))
        .isEqualTo(UnitStatus.OPEN);
    assertThat(ComplianceRules.status(Period.parse("2026-12"), 0, 1, TODAY))
        .isEqualTo(UnitStatus.NOT_DUE);
    assertThat(ComplianceRules.status(Period.parse("2026-10"), 1, 1, TODAY))
        .isEqualTo(UnitStatus.MET);
    assertThat(ComplianceRules.status(Period.parse("2026-10"), 1, 2, TODAY))
        .isEqualTo(UnitStatus.MISSING);
  }

  @Test
  void periodsAreYearQuarterOrMonth() {
    assertThat(Period.parse("2026-q2").from()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(Period.parse("2026-02").to()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThatThrownBy(() -> Period.parse("2026-13")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Period.parse("26")).isInstanceOf(ProblemException.class);
  }

  @Test
  void frequencyPerTypeCommitteeMeetingsAreDueOnlyWhereACommitteeMayExist() {
    assertThat(ComplianceRules.applies("COMMITTEE_MEETING", 1)).isFalse();
    assertThat(ComplianceRules.applies("COMMITTEE_MEETING", 3)).isTrue();
    assertThat(ComplianceRules.applies("COMMITTEE_MEETING", null)).isTrue();
    assertThat(ComplianceRules.applies("THEMED_PARTY_DAY", 1)).isTrue();
  }

  @Test
  void rateIsMetOverDue() {
    assertThat(ComplianceRules.rate(3, 4)).isEqualTo(0.75);
    assertThat(ComplianceRules.rate(0, 0)).isEqualTo(1.0);
  }
}
