package cn.dangjian.alert.rules;

import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_BRANCH_GENERAL_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_COMMITTEE_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_DEMOCRATIC_APPRAISAL;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_GROUP_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_ORG_LIFE_MEETING;
import static cn.dangjian.alert.catalogue.RuleCatalogue.NO_THEMED_PARTY_DAY;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The "meeting not held" rules (ZB Arts 11–13, 16–19): for an org and a date, how many periods in a
 * row ending with the last complete one had no meeting of the required type. An org is not judged
 * for periods that began before it was created. Plain logic over the dates on which the org held
 * each type.
 */
public final class MeetingGaps {

  private static final int MAX_LOOKBACK = 3;

  private final RuleCatalogue catalogue;
  private final OrgRules orgRules;

  public MeetingGaps(RuleCatalogue catalogue, OrgRules orgRules) {
    this.catalogue = catalogue;
    this.orgRules = orgRules;
  }

  /** The earliest meeting date any rule looks at for {@code asOf}. */
  public static LocalDate lookbackStart(LocalDate asOf) {
    LocalDate quarters = Calendar.lastCompleteQuarterStart(asOf).minusMonths(3L * MAX_LOOKBACK);
    LocalDate yearStart = LocalDate.of(asOf.getYear(), 1, 1);
    return quarters.isBefore(yearStart) ? quarters : yearStart;
  }

  /**
   * @param heldOn the dates on which the org held meetings, per meeting type (since {@link
   *     #lookbackStart})
   */
  public List<Outcome> evaluate(OrgFacts o, LocalDate asOf, Map<String, List<LocalDate>> heldOn) {
    List<Outcome> outcomes = new ArrayList<>();
    boolean branch = o.branchLike() && !o.dissolved();
    monthly(
        outcomes,
        NO_COMMITTEE_MEETING,
        "COMMITTEE_MEETING",
        branch && o.hasCommittee(),
        o,
        asOf,
        heldOn);
    monthly(outcomes, NO_THEMED_PARTY_DAY, "THEMED_PARTY_DAY", branch, o, asOf, heldOn);
    monthly(
        outcomes,
        NO_GROUP_MEETING,
        "GROUP_MEETING",
        "PARTY_GROUP".equals(o.orgType()) && !o.dissolved(),
        o,
        asOf,
        heldOn);
    quarterly(outcomes, o, asOf, heldOn, branch);
    boolean yearly = branch && !"TEMPORARY_BRANCH".equals(o.orgType());
    yearly(outcomes, NO_ORG_LIFE_MEETING, "ORG_LIFE_MEETING", yearly, o, asOf, heldOn);
    yearly(outcomes, NO_DEMOCRATIC_APPRAISAL, "DEMOCRATIC_APPRAISAL", yearly, o, asOf, heldOn);
    return outcomes;
  }

  private boolean enabled(String ruleId) {
    return catalogue.get(ruleId).enabled();
  }

  private void monthly(
      List<Outcome> outcomes,
      String ruleId,
      String type,
      boolean applies,
      OrgFacts o,
      LocalDate asOf,
      Map<String, List<LocalDate>> heldOn) {
    gaps(outcomes, ruleId, Period.MONTH, heldOn.getOrDefault(type, List.of()), applies, o, asOf);
  }

  private void quarterly(
      List<Outcome> outcomes,
      OrgFacts o,
      LocalDate asOf,
      Map<String, List<LocalDate>> heldOn,
      boolean applies) {
    List<LocalDate> dates = heldOn.getOrDefault("BRANCH_GENERAL_MEETING", List.of());
    gaps(outcomes, NO_BRANCH_GENERAL_MEETING, Period.QUARTER, dates, applies, o, asOf);
  }

  /** Counts the periods in a row, back from the last complete one, with no meeting held. */
  private void gaps(
      List<Outcome> outcomes,
      String ruleId,
      Period period,
      List<LocalDate> dates,
      boolean applies,
      OrgFacts o,
      LocalDate asOf) {
    if (!enabled(ruleId)) {
      return;
    }
    LocalDate last = period.lastCompleteStart(asOf);
    int missing = 0;
    LocalDate from = last;
    for (int i = 0; applies && i < MAX_LOOKBACK; i++) {
      LocalDate start = last.minusMonths((long) period.months * i);
      LocalDate end = start.plusMonths(period.months);
      if (!existedFrom(o, start) || any(dates, d -> !d.isBefore(start) && d.isBefore(end))) {
        break;
      }
      missing++;
      from = start;
    }
    String label =
        missing <= 1 ? period.label(last) : period.label(from) + "至" + period.label(last);
    outcomes.add(orgRules.meetingGap(ruleId, o, "from:" + period.key(from), label, missing));
  }

  /**
   * The periods the gap rules count in. Keys stay as they always were (a month as {@code 2026-03},
   * a quarter by its first day) because open alerts are matched by them.
   */
  private enum Period {
    MONTH(1) {
      @Override
      LocalDate lastCompleteStart(LocalDate asOf) {
        return Calendar.lastCompleteMonth(asOf).atDay(1);
      }

      @Override
      String key(LocalDate start) {
        return YearMonth.from(start).toString();
      }

      @Override
      String label(LocalDate start) {
        return Calendar.monthLabel(YearMonth.from(start));
      }
    },
    QUARTER(3) {
      @Override
      LocalDate lastCompleteStart(LocalDate asOf) {
        return Calendar.lastCompleteQuarterStart(asOf);
      }

      @Override
      String key(LocalDate start) {
        return start.toString();
      }

      @Override
      String label(LocalDate start) {
        return Calendar.quarterLabel(start);
      }
    };

    final int months;

    Period(int months) {
      this.months = months;
    }

    abstract LocalDate lastCompleteStart(LocalDate asOf);

    abstract String key(LocalDate start);

    abstract String label(LocalDate start);
  }

  private void yearly(
      List<Outcome> outcomes,
      String ruleId,
      String type,
      boolean applies,
      OrgFacts o,
      LocalDate asOf,
      Map<String, List<LocalDate>> heldOn) {
    if (!enabled(ruleId)) {
      return;
    }
    int year = asOf.getYear();
    boolean judged = applies && existedFrom(o, LocalDate.of(year, 10, 1));
    boolean held = !judged || any(heldOn.getOrDefault(type, List.of()), d -> d.getYear() == year);
    outcomes.add(orgRules.yearlyMeeting(ruleId, o, asOf, held));
  }

  /** Whether the org already existed when a period began (unknown creation: assume it did). */
  private static boolean existedFrom(OrgFacts o, LocalDate periodStart) {
    return o.createdOn() == null || !o.createdOn().isAfter(periodStart);
  }

  private static boolean any(List<LocalDate> dates, Predicate<LocalDate> test) {
    for (LocalDate date : dates) {
      if (test.test(date)) {
        return true;
      }
    }
    return false;
  }
}
