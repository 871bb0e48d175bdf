package cn.dangjian.alert.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

  @Test
  void everyRuleHasAChineseNameABasisASuggestionAndADeadline() {
    RuleCatalogue catalogue = RuleCatalogue.defaultCatalogue();
    assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(24);
    for (RuleDefinition rule : catalogue.all()) {
      assertThat(rule.name()).as(rule.id()).matches(".*[\\u4e00-\\u9fa5].*");
      assertThat(rule.basis()).as(rule.id()).contains("《");
      assertThat(rule.deadlineDays()).as(rule.id()).isPositive();
      if (rule.evaluation() == Evaluation.BLOCKING) {
        continue; // refused where it happens: no alert, so no deadline in a suggestion
      }
      assertThat(rule.suggestionTemplate()).as(rule.id()).contains("{deadline}");
      assertThat(rule.enforcement()).as(rule.id()).isNull();
    }
  }

  @Test
  void hardValidationsAreListedWithTheServiceAndProblemRuleThatRefuseThem() {
    RuleCatalogue catalogue = RuleCatalogue.defaultCatalogue();
    assertThat(catalogue.all())
        .filteredOn(r -> r.evaluation() == Evaluation.BLOCKING)
        .extracting(RuleDefinition::id)
        .containsExactlyInAnyOrder(
            RuleCatalogue.MEETING_QUORUM_NOT_MET,
            RuleCatalogue.EXCELLENT_SHARE_EXCEEDED,
            RuleCatalogue.TARGET_TRAINING_HOURS_SHORT);
    assertThat(catalogue.get(RuleCatalogue.EXCELLENT_SHARE_EXCEEDED).enforcement())
        .isEqualTo(
            new RuleDefinition.Enforcement(
                "org-life-service", List.of("excellent-at-most-one-third")));
    assertThat(
            catalogue.get(RuleCatalogue.TARGET_TRAINING_HOURS_SHORT).enforcement().problemRules())
        .containsExactly("target-needs-24-training-hours");
    assertThat(catalogue.get(RuleCatalogue.MEETING_QUORUM_NOT_MET).enforcement().problemRules())
        .contains("meeting-needs-more-than-half-present");
  }

  @Test
  void thresholdsDeadlinesAndSwitchesComeFromConfiguration() {
    AlertRulesProperties.RuleOverride override =
        new AlertRulesProperties.RuleOverride("2,4,6", null, 7, null);
    AlertRulesProperties.RuleOverride off =
        new AlertRulesProperties.RuleOverride(null, null, null, false);
    RuleCatalogue catalogue =
        new RuleCatalogue(
            withRules(
                Map.of(
                    RuleCatalogue.DUES_ARREARS, override, RuleCatalogue.ACTIVIST_ELIGIBLE, off)));
    assertThat(catalogue.get(RuleCatalogue.DUES_ARREARS).levels().levelOf(2))
        .contains(Severity.NOTICE);
    assertThat(catalogue.get(RuleCatalogue.DUES_ARREARS).deadlineDays()).isEqualTo(7);
    assertThat(catalogue.get(RuleCatalogue.ACTIVIST_ELIGIBLE).enabled()).isFalse();
  }

  @Test
  void aMistypedRuleOrThresholdStopsTheServiceFromStarting() {
    AlertRulesProperties properties =
        withRules(
            Map.of("NO_SUCH_RULE", new AlertRulesProperties.RuleOverride(null, null, null, null)));
    assertThatThrownBy(() -> new RuleCatalogue(properties)).hasMessageContaining("NO_SUCH_RULE");
    assertThatThrownBy(() -> Levels.parse("3,5")).hasMessageContaining("提示,预警,严重");
    assertThat(Levels.parse("-,1,3").levelOf(0)).isEmpty();
  }

  /** The default properties with these rule overrides. */
  static AlertRulesProperties withRules(Map<String, AlertRulesProperties.RuleOverride> rules) {
    AlertRulesProperties defaults = AlertRulesProperties.defaults();
    return new AlertRulesProperties(
        rules, defaults.memberTrainingHours(), defaults.secretaryTrainingHours());
  }
}
