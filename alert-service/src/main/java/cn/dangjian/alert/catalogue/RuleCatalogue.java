package cn.dangjian.alert.catalogue;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of DOMAIN §7 that the platform's events support, with the national defaults. The
 * numbers are configuration ({@link AlertRulesProperties}); the texts are the Chinese an alert
 * carries. Due-date rules count days relative to the due date (negative: before it).
 */
public final class RuleCatalogue {

  public static final String MEMBER_ABSENT_ORG_LIFE = "MEMBER_ABSENT_ORG_LIFE";
  public static final String DUES_ARREARS = "DUES_ARREARS";
  public static final String NO_COMMITTEE_MEETING = "NO_COMMITTEE_MEETING";
  public static final String NO_BRANCH_GENERAL_MEETING = "NO_BRANCH_GENERAL_MEETING";
  public static final String NO_GROUP_MEETING = "NO_GROUP_MEETING";
  public static final String NO_THEMED_PARTY_DAY = "NO_THEMED_PARTY_DAY";
  public static final String NO_ORG_LIFE_MEETING = "NO_ORG_LIFE_MEETING";
  public static final String NO_DEMOCRATIC_APPRAISAL = "NO_DEMOCRATIC_APPRAISAL";
  public static final String MEMBER_TRAINING_SHORT = "MEMBER_TRAINING_SHORT";
  public static final String SECRETARY_TRAINING_SHORT = "SECRETARY_TRAINING_SHORT";
  public static final String APPLICATION_TALK_DUE = "APPLICATION_TALK_DUE";
  public static final String ACTIVIST_ELIGIBLE = "ACTIVIST_ELIGIBLE";
  public static final String ADMISSION_APPROVAL_PENDING = "ADMISSION_APPROVAL_PENDING";
  public static final String PROBATION_ENDING = "PROBATION_ENDING";
  public static final String CONVERSION_APPROVAL_PENDING = "CONVERSION_APPROVAL_PENDING";
  public static final String COMMITTEE_TERM_EXPIRING = "COMMITTEE_TERM_EXPIRING";
  public static final String SECRETARY_VACANT = "SECRETARY_VACANT";
  public static final String STRUCTURE_WARNING = "STRUCTURE_WARNING";
  public static final String LOST_CONTACT = "LOST_CONTACT";
  public static final String CORRECTION_PERIOD_ENDING = "CORRECTION_PERIOD_ENDING";
  public static final String DISCIPLINE_PROBATION_ENDING = "DISCIPLINE_PROBATION_ENDING";
  public static final String TRANSFER_NOT_RECEIVED = "TRANSFER_NOT_RECEIVED";
  public static final String RECORD_FLAGGED = "RECORD_FLAGGED";
  public static final String ACCOUNTABILITY_TALK = "ACCOUNTABILITY_TALK";
  public static final String APPROVAL_OVERDUE = "APPROVAL_OVERDUE";
  public static final String ELECTION_INVALID = "ELECTION_INVALID";
  public static final String MOBILE_AWAY_NO_TRANSFER = "MOBILE_AWAY_NO_TRANSFER";
  public static final String MOBILE_CERTIFICATE_EXPIRING = "MOBILE_CERTIFICATE_EXPIRING";
  public static final String MOBILE_REPORT_DUE = "MOBILE_REPORT_DUE";
  public static final String TALK_COVERAGE_SHORT = "TALK_COVERAGE_SHORT";
  public static final String COMMITTEE_TRAINING_SHORT = "COMMITTEE_TRAINING_SHORT";
  public static final String SECRETARY_ROTATION_MISSING = "SECRETARY_ROTATION_MISSING";
  public static final String NEW_SECRETARY_UNTRAINED = "NEW_SECRETARY_UNTRAINED";
  public static final String DUES_BASE_NOT_REASSESSED = "DUES_BASE_NOT_REASSESSED";
  // hard validations in the owning service (Evaluation.BLOCKING): listed, never raised
  public static final String MEETING_QUORUM_NOT_MET = "MEETING_QUORUM_NOT_MET";
  public static final String EXCELLENT_SHARE_EXCEEDED = "EXCELLENT_SHARE_EXCEEDED";
  public static final String TARGET_TRAINING_HOURS_SHORT = "TARGET_TRAINING_HOURS_SHORT";

  private final Map<String, RuleDefinition> rules;
  private final List<RuleDefinition> ordered;
  private final AlertRulesProperties properties;

  public RuleCatalogue(AlertRulesProperties properties) {
    this.properties = properties;
    Map<String, RuleDefinition> merged = new LinkedHashMap<>();
    for (RuleDefinition rule : DefaultRules.all()) {
      AlertRulesProperties.RuleOverride override = properties.rules().get(rule.id());
      merged.put(rule.id(), override == null ? rule : apply(rule, override));
    }
    properties.rules().keySet().stream()
        .filter(id -> !merged.containsKey(id))
        .findAny()
        .ifPresent(
            id -> {
              throw new IllegalStateException("dangjian.alerts.rules." + id + ": no such rule");
            });
    this.rules = Map.copyOf(merged);
    this.ordered = List.copyOf(merged.values());
  }

  public static RuleCatalogue defaultCatalogue() {
    return new RuleCatalogue(AlertRulesProperties.defaults());
  }

  public Collection<RuleDefinition> all() {
    return ordered;
  }

  public Optional<RuleDefinition> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public RuleDefinition get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown rule " + id));
  }

  public int memberTrainingHours() {
    return properties.memberTrainingHours();
  }

  public int secretaryTrainingHours() {
    return properties.secretaryTrainingHours();
  }

  private static RuleDefinition apply(
      RuleDefinition rule, AlertRulesProperties.RuleOverride override) {
    Map<String, Levels> orgTypes = null;
    if (!override.orgTypeLevels().isEmpty()) {
      orgTypes = new HashMap<>(rule.orgTypeLevels());
      for (Map.Entry<String, String> entry : override.orgTypeLevels().entrySet()) {
        orgTypes.put(entry.getKey(), Levels.parse(entry.getValue()));
      }
    }
    return rule.with(
        override.levels() == null ? null : Levels.parse(override.levels()),
        orgTypes,
        override.deadlineDays(),
        override.enabled());
  }
}
