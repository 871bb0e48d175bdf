package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.ACTIVIST_ELIGIBLE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.ADMISSION_APPROVAL_PENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.APPLICATION_TALK_DUE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.CONVERSION_APPROVAL_PENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.CORRECTION_PERIOD_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.DISCIPLINE_PROBATION_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.DUES_ARREARS;
import static cn.dangjian.alert.catalogue.RuleCatalogue.LOST_CONTACT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MEMBER_ABSENT_ORG_LIFE;
import static cn.dangjian.alert.catalogue.RuleCatalogue.MEMBER_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.PROBATION_ENDING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.TRANSFER_NOT_RECEIVED;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.RuleDefinition;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.rules.Finding.Evidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The member rules of the catalogue: plain functions of a member's facts and a date. */
public final class MemberRules {

  /** Which due-date rule watches which expected next development step. */
  static final Map<String, String> PIPELINE =
      Map.of(
          "TALK", APPLICATION_TALK_DUE,
          "TARGET_CONFIRMED", ACTIVIST_ELIGIBLE,
          "ADMISSION_APPROVED", ADMISSION_APPROVAL_PENDING,
          "CONVERSION_MEETING", PROBATION_ENDING,
          "CONVERSION_APPROVED", CONVERSION_APPROVAL_PENDING);

  private final RuleCatalogue catalogue;

  public MemberRules(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every enabled member rule for this member as of a date. */
  public List<Outcome> evaluate(MemberFacts m, LocalDate asOf) {
    List<Outcome> outcomes = new ArrayList<>();
    add(outcomes, MEMBER_ABSENT_ORG_LIFE, () -> absence(m, asOf));
    add(outcomes, DUES_ARREARS, () -> arrears(m));
    add(outcomes, MEMBER_TRAINING_SHORT, () -> training(m, asOf, false));
    add(outcomes, SECRETARY_TRAINING_SHORT, () -> training(m, asOf, true));
    for (String rule : PIPELINE.values()) {
      add(outcomes, rule, () -> pipeline(rule, m, asOf));
    }
    add(outcomes, LOST_CONTACT, () -> lostContact(m, asOf));
    add(
        outcomes,
        CORRECTION_PERIOD_ENDING,
        () -> periodEnding(CORRECTION_PERIOD_ENDING, m, m.correctionEndsOn(), asOf));
    add(
        outcomes,
        DISCIPLINE_PROBATION_ENDING,
        () -> periodEnding(DISCIPLINE_PROBATION_ENDING, m, m.disciplineEndsOn(), asOf));
    add(outcomes, TRANSFER_NOT_RECEIVED, () -> transfer(m, asOf));
    return outcomes;
  }

  private interface Rule {
    Outcome apply();
  }

  private void add(List<Outcome> outcomes, String ruleId, Rule rule) {
    if (catalogue.get(ruleId).enabled()) {
      outcomes.add(rule.apply());
    }
  }

  private RuleDefinition def(String id) {
    return catalogue.get(id);
  }

  Outcome absence(MemberFacts m, LocalDate asOf) {
    Map<String, String> clear = Map.of("attendedOn", text(m.lastAttendedOn()));
    if (!m.onRegister() || !m.admitted() || m.absentSince() == null) {
      return Outcome.clear(MEMBER_ABSENT_ORG_LIFE, clear);
    }
    int months = Calendar.monthsOfStreak(m.absentSince(), asOf);
    Optional<Severity> level = def(MEMBER_ABSENT_ORG_LIFE).levelsFor(m.orgType()).levelOf(months);
    if (level.isEmpty()) {
      return Outcome.clear(MEMBER_ABSENT_ORG_LIFE, clear);
    }
    return Outcome.holds(
        new Finding(
            MEMBER_ABSENT_ORG_LIFE,
            "since:" + m.absentSince(),
            level.get(),
            facts(
                "memberId", m.memberId(),
                "months", months,
                "absentSince", m.absentSince(),
                "missed", m.missedSinceAbsent(),
                "lastAttended", m.lastAttendedOn() == null ? "系统中无参加记录" : m.lastAttendedOn()),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.ATTENDANCE,
                    m.memberId().toString(),
                    "自"
                        + m.absentSince()
                        + "起缺席组织生活"
                        + m.missedSinceAbsent()
                        + "次，截至"
                        + asOf
                        + "连续"
                        + months
                        + "个月")),
            null));
  }

  Outcome arrears(MemberFacts m) {
    Map<String, String> clear = Map.of("months", Integer.toString(m.arrearsMonths()));
    if (!m.onRegister() || m.arrearsMonths() <= 0) {
      return Outcome.clear(DUES_ARREARS, clear);
    }
    Optional<Severity> level = def(DUES_ARREARS).levelsFor(m.orgType()).levelOf(m.arrearsMonths());
    if (level.isEmpty()) {
      return Outcome.clear(DUES_ARREARS, clear);
    }
    String outstanding =
        BigDecimal.valueOf(m.arrearsFen())
            .movePointLeft(2)
            .setScale(2, RoundingMode.UNNECESSARY)
            .toPlainString();
    return Outcome.holds(
        new Finding(
            DUES_ARREARS,
            "since:" + m.arrearsSince(),
            level.get(),
            facts(
                "memberId", m.memberId(),
                "months", m.arrearsMonths(),
                "sinceMonth", m.arrearsSince(),
                "outstanding", outstanding),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.DUES,
                    m.memberId().toString(),
                    "自"
                        + m.arrearsSince()
                        + "起连续"
                        + m.arrearsMonths()
                        + "个月未交，欠缴"
                        + outstanding
                        + "元")),
            null));
  }

  Outcome training(MemberFacts m, LocalDate asOf, boolean secretaryRule) {
    String ruleId = secretaryRule ? SECRETARY_TRAINING_SHORT : MEMBER_TRAINING_SHORT;
    int required =
        secretaryRule ? catalogue.secretaryTrainingHours() : catalogue.memberTrainingHours();
    boolean applies = m.onRegister() && m.admitted() && (!secretaryRule || m.secretary());
    return hoursShort(def(ruleId), m, applies, required, asOf, "");
  }

  /**
   * A yearly 学时 requirement (DOMAIN §5): when it applies and the member's hours this year are short
   * of {@code required}, a finding at the rule's level relative to 31 Dec.
   *
   * @param who how the evidence names the member (e.g. 支部委员), or empty
   */
  static Outcome hoursShort(
      RuleDefinition rule,
      MemberFacts m,
      boolean applies,
      int required,
      LocalDate asOf,
      String who) {
    String ruleId = rule.id();
    BigDecimal hours = m.hoursIn(asOf.getYear());
    Map<String, String> clear =
        Map.of("year", Integer.toString(asOf.getYear()), "hours", hours.toPlainString());
    if (!applies || hours.compareTo(BigDecimal.valueOf(required)) >= 0) {
      return Outcome.clear(ruleId, clear);
    }
    Optional<Severity> level =
        rule.levelsFor(m.orgType()).levelOf(Calendar.daysRelativeToYearEnd(asOf));
    if (level.isEmpty()) {
      return Outcome.clear(ruleId, clear);
    }
    BigDecimal missing = BigDecimal.valueOf(required).subtract(hours);
    return Outcome.holds(
        new Finding(
            ruleId,
            "year:" + asOf.getYear(),
            level.get(),
            facts(
                "memberId", m.memberId(),
                "year", asOf.getYear(),
                "hours", hours.toPlainString(),
                "required", required,
                "missing", missing.toPlainString()),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.TRAINING,
                    m.memberId().toString(),
                    who + asOf.getYear() + "年已记学时" + hours.toPlainString() + "，要求" + required)),
            LocalDate.of(asOf.getYear(), 12, 31)));
  }

  Outcome pipeline(String ruleId, MemberFacts m, LocalDate asOf) {
    Map<String, String> clear = Map.of("stepOn", text(m.lastStepOn()));
    boolean watched =
        m.onRegister()
            && m.nextStep() != null
            && m.nextDueOn() != null
            && ruleId.equals(PIPELINE.get(m.nextStep()));
    if (!watched) {
      return Outcome.clear(ruleId, clear);
    }
    long days = Calendar.daysRelativeTo(m.nextDueOn(), asOf);
    Optional<Severity> level = def(ruleId).levelsFor(m.orgType()).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(ruleId, clear);
    }
    LocalDate deadline = m.nextDueOn().isAfter(asOf) ? m.nextDueOn() : null;
    return Outcome.holds(
        new Finding(
            ruleId,
            m.nextStep() + ":" + m.nextDueOn(),
            level.get(),
            facts("memberId", m.memberId(), "due", m.nextDueOn(), "lastStep", text(m.lastStep())),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.DEVELOPMENT_STEP,
                    m.memberId().toString(),
                    "最近步骤 "
                        + text(m.lastStep())
                        + "（"
                        + text(m.lastStepOn())
                        + "），下一步 "
                        + m.nextStep()
                        + " 应于 "
                        + m.nextDueOn()
                        + " 前完成")),
            deadline));
  }

  Outcome lostContact(MemberFacts m, LocalDate asOf) {
    if (m.lostContactSince() == null
        || !"ACTIVE".equals(m.status()) && !"SUSPENDED".equals(m.status())) {
      return Outcome.clear(LOST_CONTACT, Map.of());
    }
    int months = Calendar.monthsElapsed(m.lostContactSince(), asOf);
    Optional<Severity> level = def(LOST_CONTACT).levelsFor(m.orgType()).levelOf(months);
    if (level.isEmpty()) {
      return Outcome.clear(LOST_CONTACT, Map.of());
    }
    return Outcome.holds(
        new Finding(
            LOST_CONTACT,
            "since:" + m.lostContactSince(),
            level.get(),
            facts("memberId", m.memberId(), "since", m.lostContactSince(), "months", months),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.FLAG,
                    m.memberId().toString(),
                    "失联标记自" + m.lostContactSince() + "起")),
            null));
  }

  Outcome periodEnding(String ruleId, MemberFacts m, LocalDate endsOn, LocalDate asOf) {
    if (!m.onRegister() || endsOn == null) {
      return Outcome.clear(ruleId, Map.of());
    }
    long days = Calendar.daysRelativeTo(endsOn, asOf);
    Optional<Severity> level = def(ruleId).levelsFor(m.orgType()).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(ruleId, Map.of());
    }
    return Outcome.holds(
        new Finding(
            ruleId,
            "ends:" + endsOn,
            level.get(),
            facts("memberId", m.memberId(), "due", endsOn),
            List.of(
                new Evidence(Finding.EvidenceKind.FLAG, m.memberId().toString(), "期满日 " + endsOn)),
            endsOn.isAfter(asOf) ? endsOn : null));
  }

  Outcome transfer(MemberFacts m, LocalDate asOf) {
    if (m.transferId() == null || m.transferValidUntil() == null) {
      return Outcome.clear(TRANSFER_NOT_RECEIVED, Map.of());
    }
    long days = Calendar.daysRelativeTo(m.transferValidUntil(), asOf);
    Optional<Severity> level = def(TRANSFER_NOT_RECEIVED).levelsFor(m.orgType()).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(TRANSFER_NOT_RECEIVED, Map.of());
    }
    return Outcome.holds(
        new Finding(
            TRANSFER_NOT_RECEIVED,
            "transfer:" + m.transferId(),
            level.get(),
            facts(
                "memberId", m.memberId(),
                "validUntil", m.transferValidUntil(),
                "since", text(m.transferSince())),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.TRANSFER,
                    m.transferId().toString(),
                    "介绍信开具于" + text(m.transferSince()) + "，有效期至" + m.transferValidUntil())),
            null));
  }

  static Map<String, String> facts(Object... keyValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
    }
    return map;
  }

  static String text(Object value) {
    return value == null ? "无" : value.toString();
  }
}
