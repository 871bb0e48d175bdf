package cn.dangjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.testsupport.ApplicationYaml;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The assessment numbers as defaults ({@code @DefaultValue} is text: a typo would only show at
 * runtime), and application.yml binding to the same.
 */
class AssessmentPropertiesTest {

  @Test
  void withNothingConfiguredEveryDefaultApplies() {
    assertDefaults(AssessmentProperties.defaults());
  }

  @Test
  void theApplicationYmlBindsToTheSameNumbers() throws Exception {

    assertDefaults(
        ApplicationYaml.binder().bindOrCreate("dangjian.assessment", AssessmentProperties.class));
  }

  private static void assertDefaults(AssessmentProperties properties) {
    assertThat(properties.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(properties.assessedOrgTypes())
        .containsExactly("BRANCH", "JOINT_BRANCH", "GENERAL_BRANCH");
    assertThat(properties.bottomPercent()).isEqualTo(BigDecimal.TEN);
    assertThat(properties.minPeerGroup()).isEqualTo(3);
    assertThat(properties.indicatorShare()).isEqualTo(BigDecimal.valueOf(70));
    assertThat(properties.ballotShare()).isEqualTo(BigDecimal.valueOf(30));
    assertThat(properties.ballotPoints())
        .isEqualTo(
            new AssessmentProperties.BallotPoints(
                BigDecimal.valueOf(100),
                BigDecimal.valueOf(80),
                BigDecimal.valueOf(60),
                BigDecimal.ZERO));
    assertThat(properties.gradeBands())
        .isEqualTo(
            new AssessmentProperties.GradeBands(
                BigDecimal.valueOf(90), BigDecimal.valueOf(80), BigDecimal.valueOf(60)));
    assertThat(properties.starBands())
        .containsExactly(
            BigDecimal.valueOf(95),
            BigDecimal.valueOf(85),
            BigDecimal.valueOf(75),
            BigDecimal.valueOf(60));
    assertThat(properties.rectifyBelowShare()).isEqualTo(BigDecimal.valueOf(60));
    assertThat(properties.accountabilityYears()).isEqualTo(2);
    assertThat(properties.talkWithinDays()).isEqualTo(30);
    assertThat(properties.rectifyWithinDays()).isEqualTo(90);
    assertThat(properties.memberYearlyTrainingHours()).isEqualTo(BigDecimal.valueOf(32));
    assertThat(properties.points()).isEqualTo(new AssessmentProperties.Points(true, false));
    assertThat(properties.overdueCheckCron()).isEqualTo("0 30 0 * * *");
  }
}
