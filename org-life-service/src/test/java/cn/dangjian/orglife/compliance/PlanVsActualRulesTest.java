package cn.dangjian.orglife.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.dangjian.orglife.compliance.ComplianceRules.UnitStatus;
import cn.dangjian.orglife.compliance.ComplianceViews.OrgPlan;
import cn.dangjian.orglife.compliance.ComplianceViews.PlanItem;
import cn.dangjian.orglife.compliance.ComplianceViews.Requirement;
import cn.dangjian.orglife.compliance.ComplianceViews.Summary;
import cn.dangjian.orglife.compliance.ComplianceViews.TypeSummary;
import cn.dangjian.orglife.compliance.PlanVsActualRules.HeldMeeting;
import cn.dangjian.orglife.compliance.PlanVsActualRules.Span;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The plan-vs-actual computation, one rule per test, without a database. */
class PlanVsActualRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
  private static final Requirement MONTHLY_COMMITTEE =
      requirement("BRANCH", "COMMITTEE_MEETING", PeriodUnit.MONTH, 1);
  private static final Requirement QUARTERLY_LECTURE =
      requirement("BRANCH", "PARTY_LECTURE", PeriodUnit.QUARTER, 1);
  private static final Requirement YEARLY_ORG_LIFE =
      requirement("BRANCH", "ORG_LIFE_MEETING", PeriodUnit.YEAR, 1);
  private static final ProjectedOrg ROOT = org("镇党委", "PARTY_COMMITTEE", false);

  @Test
  void aYearRequirementSeenFromAMonthReadsTheWholeYear() {
    Span span = PlanVsActualRules.span(Period.parse("2026-11"), List.of(YEARLY_ORG_LIFE));

    assertThat(span).isEqualTo(new Span(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void withoutRequirementsThePeriodIsReadAsItIs() {
    assertThat(PlanVsActualRules.span(Period.parse("2026-Q4"), List.of()))
        .isEqualTo(new Span(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
  }

  @Test
  void disabledRequirementsAreNotActive() {
    Requirement off =
        new Requirement("BRANCH", "THEMED_PARTY_DAY", PeriodUnit.MONTH, 1, false, "", 0);

    assertThat(PlanVsActualRules.activeByOrgType(List.of(MONTHLY_COMMITTEE, off)))
        .containsOnlyKeys("BRANCH")
        .extractingByKey("BRANCH")
        .isEqualTo(List.of(MONTHLY_COMMITTEE));
  }

  @Test
  void committeeMeetingsAreOwedOnlyWhereACommitteeOfThreeMayExist() {
    List<Requirement> both = List.of(MONTHLY_COMMITTEE, QUARTERLY_LECTURE);

    assertThat(PlanVsActualRules.applicable(both, 1)).containsExactly(QUARTERLY_LECTURE);
    assertThat(PlanVsActualRules.applicable(both, 3)).isEqualTo(both);
    assertThat(PlanVsActualRules.applicable(both, null)).isEqualTo(both);
  }

  @Test
  void approvedMeetingsMeetAUnitPendingOnesAreListedButDoNotCount() {
    ProjectedOrg branch = org("第一党支部", "BRANCH", false);
    UUID approved = UUID.randomUUID();
    UUID submitted = UUID.randomUUID();
    List<HeldMeeting> held =
        List.of(
            held(approved, "COMMITTEE_MEETING", "APPROVED", LocalDate.of(2026, 10, 9)),
            held(submitted, "COMMITTEE_MEETING", "SUBMITTED", LocalDate.of(2026, 11, 3)));

    OrgPlan plan =
        PlanVsActualRules.plan(
            branch, Period.parse("2026-Q4"), TODAY, List.of(MONTHLY_COMMITTEE), held);

    assertThat(plan.items())
        .extracting(PlanItem::unitLabel, PlanItem::status, PlanItem::approved, PlanItem::pending)
        .containsExactly(
            tuple("2026-10", UnitStatus.MET, 1, 0),
            tuple("2026-11", UnitStatus.OPEN, 0, 1),
            tuple("2026-12", UnitStatus.NOT_DUE, 0, 0));
    assertThat(plan.items().get(0).approvedMeetingIds()).containsExactly(approved);
    assertThat(plan.items().get(1).pendingMeetingIds()).containsExactly(submitted);
  }

  @Test
  void dueIsMetPlusMissingPlusOpenAUnitNotStartedIsNotDue() {
    ProjectedOrg branch = org("第一党支部", "BRANCH", false);

    OrgPlan plan =
        PlanVsActualRules.plan(
            branch, Period.parse("2026"), TODAY, List.of(MONTHLY_COMMITTEE), List.of());

    assertThat(plan.missing()).isEqualTo(10);
    assertThat(plan.open()).isEqualTo(1);
    assertThat(plan.met()).isZero();
    assertThat(plan.due()).isEqualTo(11);
    assertThat(plan.items()).hasSize(12);
  }

  @Test
  void aMeetingOfAnotherTypeOrOutsideTheUnitDoesNotCount() {
    ProjectedOrg branch = org("第一党支部", "BRANCH", false);
    List<HeldMeeting> held =
        List.of(
            held(UUID.randomUUID(), "PARTY_LECTURE", "APPROVED", LocalDate.of(2026, 10, 9)),
            held(UUID.randomUUID(), "COMMITTEE_MEETING", "APPROVED", LocalDate.of(2026, 9, 30)));

    OrgPlan plan =
        PlanVsActualRules.plan(
            branch, Period.parse("2026-10"), TODAY, List.of(MONTHLY_COMMITTEE), held);

    assertThat(plan.items())
        .singleElement()
        .extracting(PlanItem::status)
        .isEqualTo(UnitStatus.MISSING);
  }

  @Test
  void theSummaryCountsApprovedMeetingsPerUnitFromTheMonthlyCounts() {
    ProjectedOrg branch = org("第一党支部", "BRANCH", false);
    Map<UUID, Map<String, Map<Integer, Integer>>> counts =
        Map.of(branch.orgId(), Map.of("PARTY_LECTURE", Map.of(202610, 1)));

    Summary s =
        summary(
            Period.parse("2026-Q4"), List.of(QUARTERLY_LECTURE), List.of(branch), counts, Map.of());

    assertThat(s.byType())
        .singleElement()
        .extracting(TypeSummary::met, TypeSummary::missing, TypeSummary::due, TypeSummary::rate)
        .containsExactly(1L, 0L, 1L, 1.0);
    assertThat(s.compliantOrgs()).isEqualTo(1);
    assertThat(s.gaps()).isEmpty();
  }

  @Test
  void dissolvedOrgsAndOrgsWithoutRequirementsAreNotCounted() {
    ProjectedOrg dissolved = org("已撤销支部", "BRANCH", true);
    ProjectedOrg group = org("第一党小组", "PARTY_GROUP", false);

    Summary s =
        summary(
            Period.parse("2026-10"),
            List.of(MONTHLY_COMMITTEE),
            List.of(ROOT, dissolved, group),
            Map.of(),
            Map.of());

    assertThat(s.orgs()).isZero();
    assertThat(s.byType()).isEmpty();
    assertThat(s.rate()).isEqualTo(1.0);
  }

  @Test
  void aBranchWithFewerThanThreeCommitteeSeatsOwesNoCommitteeMeetings() {
    ProjectedOrg small = org("小支部", "BRANCH", false);

    Summary s =
        summary(
            Period.parse("2026-10"),
            List.of(MONTHLY_COMMITTEE),
            List.of(small),
            Map.of(),
            Map.of(small.orgId(), 1));

    assertThat(s.orgs()).isEqualTo(1);
    assertThat(s.compliantOrgs()).isEqualTo(1);
    assertThat(s.byType()).isEmpty();
  }

  @Test
  void gapsNameTheMissingUnitsAndListTheOrgsMissingMostFirstThenByName() {
    ProjectedOrg b = org("乙支部", "BRANCH", false);
    ProjectedOrg a = org("甲支部", "BRANCH", false);
    ProjectedOrg worst = org("丙支部", "BRANCH", false);
    Map<UUID, Map<String, Map<Integer, Integer>>> counts =
        Map.of(
            a.orgId(), Map.of("COMMITTEE_MEETING", Map.of(202609, 1)),
            b.orgId(), Map.of("COMMITTEE_MEETING", Map.of(202609, 1)));

    Summary s =
        summary(
            Period.parse("2026-Q3"),
            List.of(MONTHLY_COMMITTEE),
            List.of(b, a, worst),
            counts,
            Map.of());

    assertThat(s.gaps())
        .extracting(ComplianceViews.OrgGap::orgName)
        .containsExactly("丙支部", "乙支部", "甲支部");
    assertThat(s.gaps().get(0).missing())
        .containsExactly(
            "COMMITTEE_MEETING 2026-07", "COMMITTEE_MEETING 2026-08", "COMMITTEE_MEETING 2026-09");
    assertThat(s.missing()).isEqualTo(7);
    assertThat(s.met()).isEqualTo(2);
    assertThat(s.rate()).isEqualTo(0.222);
  }

  @Test
  void atMostTwoHundredGapsAreListedButEveryOrgWithGapsIsCounted() {
    List<ProjectedOrg> orgs = new ArrayList<>();
    for (int i = 0; i < PlanVsActualRules.MAX_GAPS + 5; i++) {
      orgs.add(org(String.format("支部%03d", i), "BRANCH", false));
    }

    Summary s =
        summary(Period.parse("2026-10"), List.of(MONTHLY_COMMITTEE), orgs, Map.of(), Map.of());

    assertThat(s.gaps()).hasSize(PlanVsActualRules.MAX_GAPS);
    assertThat(s.orgsWithGaps()).isEqualTo(PlanVsActualRules.MAX_GAPS + 5);
    assertThat(s.compliantOrgs()).isZero();
  }

  @Test
  void typesAreSummedInTheOrderTheyAreFirstMet() {
    ProjectedOrg branch = org("第一党支部", "BRANCH", false);
    Map<UUID, Map<String, Map<Integer, Integer>>> counts = new HashMap<>();
    counts.put(branch.orgId(), Map.of("COMMITTEE_MEETING", Map.of(202610, 2)));

    Summary s =
        summary(
            Period.parse("2026-10"),
            List.of(QUARTERLY_LECTURE, MONTHLY_COMMITTEE),
            List.of(branch),
            counts,
            Map.of());

    assertThat(s.byType())
        .extracting(TypeSummary::meetingType, TypeSummary::unit, TypeSummary::orgs)
        .containsExactly(
            tuple("PARTY_LECTURE", PeriodUnit.QUARTER, 1),
            tuple("COMMITTEE_MEETING", PeriodUnit.MONTH, 1));
    assertThat(s.due()).isEqualTo(2);
    assertThat(s.met()).isEqualTo(1);
    assertThat(s.open()).isEqualTo(1);
    assertThat(s.from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(s.asOf()).isEqualTo(TODAY);
  }

  private static Summary summary(
      Period period,
      List<Requirement> requirements,
      List<ProjectedOrg> under,
      Map<UUID, Map<String, Map<Integer, Integer>>> counts,
      Map<UUID, Integer> seats) {
    return PlanVsActualRules.summary(
        ROOT, period, TODAY, PlanVsActualRules.activeByOrgType(requirements), under, counts, seats);
  }

  private static Requirement requirement(
      String orgType, String meetingType, PeriodUnit unit, int min) {
    return new Requirement(orgType, meetingType, unit, min, true, "test", 0);
  }

  private static ProjectedOrg org(String name, String type, boolean dissolved) {
    return new ProjectedOrg(UUID.randomUUID(), null, name, type, "/x/", 1, dissolved);
  }

  private static HeldMeeting held(UUID id, String type, String status, LocalDate on) {
    return new HeldMeeting(id, type, status, on);
  }
}
