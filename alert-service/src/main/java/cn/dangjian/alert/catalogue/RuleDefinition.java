package cn.dangjian.alert.catalogue;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule of the catalogue (DOMAIN §7): what it watches, on what basis, how it is evaluated, its
 * levels, and the Chinese texts an alert carries. Texts use {@code {fact}} placeholders that the
 * rule's evaluation fills in.
 *
 * @param unit what the thresholds count (e.g. 月, 天（相对期限）)
 * @param levels thresholds per severity (defaults; configurable, also per org type)
 * @param orgTypeLevels overrides of {@code levels} per org type
 * @param titleTemplate short title, e.g. 党员已连续{months}个月未参加组织生活
 * @param suggestionTemplate who, how long, what the regulation says, what to do, by when
 * @param resolvedTemplate what the alert says when its condition clears by itself
 * @param deadlineDays default time to rectify from the day the alert is raised
 * @param enforcement for a {@link Evaluation#BLOCKING} rule: the service and the problem rules that
 *     refuse the action; null for every rule alert-service raises
 */
public record RuleDefinition(
    String id,
    String name,
    String basis,
    SubjectType subject,
    Evaluation evaluation,
    String unit,
    Levels levels,
    Map<String, Levels> orgTypeLevels,
    String titleTemplate,
    String suggestionTemplate,
    String resolvedTemplate,
    int deadlineDays,
    boolean enabled,
    @Nullable Enforcement enforcement) {

  public RuleDefinition {
    orgTypeLevels = Map.copyOf(orgTypeLevels);
  }

  /** Which service refuses the action, and the {@code rule} of its problem+json response. */
  public record Enforcement(String service, List<String> problemRules) {

    public Enforcement {
      problemRules = List.copyOf(problemRules);
    }
  }

  /**
   * A §7 row that is a hard validation elsewhere: listed, never raised (no levels that a sweep
   * could reach are evaluated for it; the engine refuses it).
   */
  static RuleDefinition blocking(
      String id,
      String name,
      String basis,
      SubjectType subject,
      String what,
      String service,
      String... problemRules) {
    return new RuleDefinition(
        id,
        name,
        basis,
        subject,
        Evaluation.BLOCKING,
        "情形",
        Levels.parse("-,-,0"),
        Map.of(),
        name,
        what,
        "",
        1,
        true,
        new Enforcement(service, List.of(problemRules)));
  }

  /** A rule as the national defaults state it: one set of levels for every org type, enabled. */
  static RuleDefinition rule(
      String id,
      String name,
      String basis,
      SubjectType subject,
      Evaluation evaluation,
      String unit,
      String levels,
      String title,
      String suggestion,
      String resolved,
      int deadlineDays) {
    return new RuleDefinition(
        id,
        name,
        basis,
        subject,
        evaluation,
        unit,
        Levels.parse(levels),
        Map.of(),
        title,
        suggestion,
        resolved,
        deadlineDays,
        true,
        null);
  }

  public Levels levelsFor(String orgType) {
    return orgType == null ? levels : orgTypeLevels.getOrDefault(orgType, levels);
  }

  RuleDefinition with(
      Levels newLevels, Map<String, Levels> newOrgTypeLevels, Integer newDeadlineDays, Boolean on) {
    return new RuleDefinition(
        id,
        name,
        basis,
        subject,
        evaluation,
        unit,
        newLevels == null ? levels : newLevels,
        newOrgTypeLevels == null ? orgTypeLevels : newOrgTypeLevels,
        titleTemplate,
        suggestionTemplate,
        resolvedTemplate,
        newDeadlineDays == null ? deadlineDays : newDeadlineDays,
        on == null ? enabled : on,
        enforcement);
  }
}
