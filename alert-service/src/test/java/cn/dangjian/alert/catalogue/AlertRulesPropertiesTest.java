package cn.dangjian.alert.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The training-hour requirements and how a rule's overrides bind by its id. */
class AlertRulesPropertiesTest {

  @Test
  void withNothingConfiguredNoRuleIsOverriddenAndTheHoursAre32And56() {
    AlertRulesProperties properties = AlertRulesProperties.defaults();

    assertThat(properties.rules()).isEmpty();
    assertThat(properties.memberTrainingHours()).isEqualTo(32);
    assertThat(properties.secretaryTrainingHours()).isEqualTo(56);
  }

  @Test
  void overridesBindUnderTheRulesIdAndLeaveTheRestAbsent() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of(
                    "dangjian.alerts.rules.MEMBER_ABSENT_ORG_LIFE.levels", "2,4,6",
                    "dangjian.alerts.rules.MEMBER_ABSENT_ORG_LIFE.org-type-levels.JOINT_BRANCH",
                        "3,5,6",
                    "dangjian.alerts.rules.MEMBER_TRAINING_SHORT.enabled", "false",
                    "dangjian.alerts.member-training-hours", "40")));

    AlertRulesProperties properties =
        binder.bindOrCreate("dangjian.alerts", AlertRulesProperties.class);

    assertThat(properties.rules())
        .containsOnlyKeys(
            RuleCatalogue.MEMBER_ABSENT_ORG_LIFE, RuleCatalogue.MEMBER_TRAINING_SHORT);
    assertThat(properties.rules().get(RuleCatalogue.MEMBER_ABSENT_ORG_LIFE))
        .isEqualTo(
            new AlertRulesProperties.RuleOverride(
                "2,4,6", Map.of("JOINT_BRANCH", "3,5,6"), null, null));
    assertThat(properties.rules().get(RuleCatalogue.MEMBER_TRAINING_SHORT))
        .isEqualTo(new AlertRulesProperties.RuleOverride(null, Map.of(), null, false));
    assertThat(properties.memberTrainingHours()).isEqualTo(40);
    assertThat(properties.secretaryTrainingHours()).isEqualTo(56);
  }
}
