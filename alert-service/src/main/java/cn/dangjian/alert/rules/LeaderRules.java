package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.COMMITTEE_TRAINING_SHORT;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NEW_SECRETARY_UNTRAINED;
import static cn.dangjian.alert.catalogue.RuleCatalogue.SECRETARY_ROTATION_MISSING;
import static cn.dangjian.alert.rules.MemberRules.facts;
import static cn.dangjian.alert.rules.MemberRules.text;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import cn.dangjian.alert.rules.Finding.Evidence;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Training of secretaries and committee members (DOMAIN §5, GH): 56 学时 for every committee member
 * (the secretary's own is SECRETARY_TRAINING_SHORT), a yearly rotation for secretaries, and the
 * induction training of a new secretary within 6 months. Plain functions of the facts and a date.
 */
public final class LeaderRules {

  /** A secretary who took office after this day is judged on rotation from the next year. */
  static final MonthDay ROTATION_JUDGED_IF_IN_OFFICE_BY = MonthDay.of(6, 30);

  /** An untrained new secretary is followed for this long after the 6 months, then rotation is. */
  static final int NEW_SECRETARY_FOLLOWED_DAYS = 365;

  private final RuleCatalogue catalogue;

  public LeaderRules(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public List<Outcome> evaluate(MemberFacts m, LeaderFacts l, LocalDate asOf) {
    List<Outcome> outcomes = new ArrayList<>();
    if (catalogue.get(COMMITTEE_TRAINING_SHORT).enabled()) {
      outcomes.add(committeeTraining(m, l, asOf));
    }
    if (catalogue.get(SECRETARY_ROTATION_MISSING).enabled()) {
      outcomes.add(rotation(m, l, asOf));
    }
    if (catalogue.get(NEW_SECRETARY_UNTRAINED).enabled()) {
      outcomes.add(newSecretary(m, l, asOf));
    }
    return outcomes;
  }

  private static boolean secretary(MemberFacts m, LeaderFacts l) {
    return m.secretary() || l.secretary();
  }

  /** 56 学时 for a committee member who is not a secretary (levels relative to 31 Dec). */
  Outcome committeeTraining(MemberFacts m, LeaderFacts l, LocalDate asOf) {
    boolean applies = m.onRegister() && m.admitted() && l.committeeMember() && !secretary(m, l);
    return MemberRules.hoursShort(
        catalogue.get(COMMITTEE_TRAINING_SHORT),
        m,
        applies,
        catalogue.secretaryTrainingHours(),
        asOf,
        "支部委员");
  }

  /** No 集中轮训 credited this year to a secretary in office since before July. */
  Outcome rotation(MemberFacts m, LeaderFacts l, LocalDate asOf) {
    int year = asOf.getYear();
    LocalDate rotated = l.lastRotationOn();
    boolean rotatedThisYear = rotated != null && rotated.getYear() == year;
    Map<String, String> clear = Map.of("year", Integer.toString(year), "rotationOn", text(rotated));
    LocalDate judgedFrom = ROTATION_JUDGED_IF_IN_OFFICE_BY.atYear(year);
    boolean applies =
        m.onRegister()
            && secretary(m, l)
            && (l.secretarySince() == null || !l.secretarySince().isAfter(judgedFrom));
    if (!applies || rotatedThisYear) {
      return Outcome.clear(SECRETARY_ROTATION_MISSING, clear);
    }
    Optional<Severity> level =
        catalogue
            .get(SECRETARY_ROTATION_MISSING)
            .levelsFor(m.orgType())
            .levelOf(Calendar.daysRelativeToYearEnd(asOf));
    if (level.isEmpty()) {
      return Outcome.clear(SECRETARY_ROTATION_MISSING, clear);
    }
    return Outcome.holds(
        new Finding(
            SECRETARY_ROTATION_MISSING,
            "year:" + year,
            level.get(),
            facts("memberId", m.memberId(), "year", year, "lastRotation", text(rotated)),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.TRAINING,
                    m.memberId().toString(),
                    year + "年无集中轮训记录（最近一次：" + text(rotated) + "）")),
            LocalDate.of(year, 12, 31)));
  }

  /**
   * A secretary with no concentrated training or rotation since taking office, 6 months on (levels
   * in days relative to that date); followed for a year after it, then the yearly rotation rule is.
   */
  Outcome newSecretary(MemberFacts m, LeaderFacts l, LocalDate asOf) {
    LocalDate since = l.secretarySince();
    LocalDate trained = l.lastFormalTrainingOn();
    if (since == null || !m.onRegister() || !secretary(m, l)) {
      return Outcome.clear(NEW_SECRETARY_UNTRAINED, Map.of("resolution", "已不再担任书记"));
    }
    if (trained != null && !trained.isBefore(since)) {
      return Outcome.clear(
          NEW_SECRETARY_UNTRAINED, Map.of("resolution", "该书记已于" + trained + "参加培训"));
    }
    LocalDate due = since.plusMonths(6);
    long days = Calendar.daysRelativeTo(due, asOf);
    Optional<Severity> level =
        days > NEW_SECRETARY_FOLLOWED_DAYS
            ? Optional.empty()
            : catalogue.get(NEW_SECRETARY_UNTRAINED).levelsFor(m.orgType()).levelOf(days);
    if (level.isEmpty()) {
      return Outcome.clear(NEW_SECRETARY_UNTRAINED, Map.of("resolution", "任职已超过18个月，转由年度轮训规则跟踪"));
    }
    return Outcome.holds(
        new Finding(
            NEW_SECRETARY_UNTRAINED,
            "since:" + since,
            level.get(),
            facts("memberId", m.memberId(), "since", since, "due", due),
            List.of(
                new Evidence(
                    Finding.EvidenceKind.TRAINING,
                    m.memberId().toString(),
                    since + "任书记，截至" + asOf + "无集中培训或轮训记录")),
            due.isAfter(asOf) ? due : null));
  }
}
