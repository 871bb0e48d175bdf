package cn.dangjian.alert.catalogue;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overrides of the catalogue's defaults, e.g. {@code
 * dangjian.alerts.rules.MEMBER_ABSENT_ORG_LIFE.levels=2,4,6}, {@code
 * ...org-type-levels.JOINT_BRANCH=3,5,6}, {@code ...deadline-days=10}, {@code ...enabled=false}.
 * Requirements such as training hours are here too.
 */
@ConfigurationProperties("dangjian.alerts")
public class AlertRulesProperties {

  private Map<String, RuleOverride> rules = new HashMap<>();

  /** 学时 a member needs per year (GH: 32). */
  private int memberTrainingHours = 32;

  /** 学时 a secretary or committee member needs per year (GH: 56). */
  private int secretaryTrainingHours = 56;

  public Map<String, RuleOverride> getRules() {
    return rules;
  }

  public void setRules(Map<String, RuleOverride> rules) {
    this.rules = rules;
  }

  public int getMemberTrainingHours() {
    return memberTrainingHours;
  }

  public void setMemberTrainingHours(int memberTrainingHours) {
    this.memberTrainingHours = memberTrainingHours;
  }

  public int getSecretaryTrainingHours() {
    return secretaryTrainingHours;
  }

  public void setSecretaryTrainingHours(int secretaryTrainingHours) {
    this.secretaryTrainingHours = secretaryTrainingHours;
  }

  public static class RuleOverride {
    private String levels;
    private Map<String, String> orgTypeLevels = new HashMap<>();
    private Integer deadlineDays;
    private Boolean enabled;

    public String getLevels() {
      return levels;
    }

    public void setLevels(String levels) {
      this.levels = levels;
    }

    public Map<String, String> getOrgTypeLevels() {
      return orgTypeLevels;
    }

    public void setOrgTypeLevels(Map<String, String> orgTypeLevels) {
      this.orgTypeLevels = orgTypeLevels;
    }

    public Integer getDeadlineDays() {
      return deadlineDays;
    }

    public void setDeadlineDays(Integer deadlineDays) {
      this.deadlineDays = deadlineDays;
    }

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }
  }
}
