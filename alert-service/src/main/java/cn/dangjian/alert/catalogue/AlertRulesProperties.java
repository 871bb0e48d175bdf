package cn.dangjian.alert.catalogue;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Overrides of the catalogue's defaults, e.g. {@code
 * dangjian.alerts.rules.MEMBER_ABSENT_ORG_LIFE.levels=2,4,6}, {@code
 * ...org-type-levels.JOINT_BRANCH=3,5,6}, {@code ...deadline-days=10}, {@code ...enabled=false}.
 * Requirements such as training hours are here too.
 *
 * @param rules overrides by rule id; a rule not named here keeps the catalogue's defaults
 * @param memberTrainingHours 学时 a member needs per year (GH: 32)
 * @param secretaryTrainingHours 学时 a secretary or committee member needs per year (GH: 56)
 */
@ConfigurationProperties("dangjian.alerts")
public record AlertRulesProperties(
    Map<String, RuleOverride> rules,
    @DefaultValue("32") int memberTrainingHours,
    @DefaultValue("56") int secretaryTrainingHours) {

  public AlertRulesProperties {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
  }

  /** The defaults above, as bound when nothing is configured (the catalogue of tests and tools). */
  public static AlertRulesProperties defaults() {
    return new Binder().bindOrCreate("dangjian.alerts", AlertRulesProperties.class);
  }

  /**
   * One rule's overrides; what is absent keeps the catalogue's default.
   *
   * @param levels thresholds of 提示,预警,严重, e.g. {@code 3,5,6}
   * @param orgTypeLevels thresholds by org type, overriding {@code levels} for that type
   * @param deadlineDays days the org is given to deal with an alert of this rule
   * @param enabled {@code false} switches the rule off
   */
  public record RuleOverride(
      String levels, Map<String, String> orgTypeLevels, Integer deadlineDays, Boolean enabled) {

    public RuleOverride {
      orgTypeLevels = orgTypeLevels == null ? Map.of() : Map.copyOf(orgTypeLevels);
    }
  }
}
