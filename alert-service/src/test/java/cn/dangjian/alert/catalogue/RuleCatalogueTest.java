package cn.dangjian.alert.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      assertThat(rule.suggestionTemplate()).as(rule.id()).contains("{deadline}");
      assertThat(rule.deadlineDays()).as(rule.id()).isPositive();
    }
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
