package cn.dangjian.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.alert.catalogue.RuleCatalogue;
import cn.dangjian.alert.catalogue.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One test per org rule of DOMAIN §7, named after it. */
class OrgRulesTest {

  private final RuleCatalogue catalogue = RuleCatalogue.defaultCatalogue();
  private final OrgRules rules = new OrgRules(catalogue);
  private final MeetingGaps gaps = new MeetingGaps(catalogue, rules);

  static OrgFacts branch(LocalDate createdOn, boolean committee) {
    return new OrgFacts(
        UUID.randomUUID(),
        "/a/b/",
        "BRANCH",
        "第一党支部",
        createdOn,
        false,
        committee ? UUID.randomUUID() : null,
        LocalDate.of(2027, 6, 30),
        committee ? 5 : 0,
        null,
        List.of(),
        9,
        12);
  }

  private static Optional<Severity> level(Outcome outcome) {
    return outcome.finding().map(Finding::severity);
  }

  private Outcome outcome(List<Outcome> outcomes, String rule) {
    return outcomes.stream().filter(o -> o.ruleId().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void noCommitteeMeetingInAMonthIsAWarningAtMonthEndAndSeriousTwoMonthsInARow() {
    OrgFacts o = branch(LocalDate.of(2026, 1, 1), true);
    Map<String, List<LocalDate>> held =
        Map.of("COMMITTEE_MEETING", List.of(LocalDate.of(2026, 9, 8)));
    Outcome october =
        outcome(
            gaps.evaluate(o, LocalDate.of(2026, 10, 31), held), RuleCatalogue.NO_COMMITTEE_MEETING);
    assertThat(level(october)).contains(Severity.WARNING);
    assertThat(october.finding().orElseThrow().facts()).containsEntry("period", "2026年10月");
    Outcome november =
        outcome(
            gaps.evaluate(o, LocalDate.of(2026, 11, 30), held), RuleCatalogue.NO_COMMITTEE_MEETING);
    assertThat(level(november)).contains(Severity.SERIOUS);
    // the same occurrence (a streak from October) rises in place
    assertThat(november.finding().orElseThrow().periodKey())
        .isEqualTo(october.finding().orElseThrow().periodKey());
    assertThat(november.finding().orElseThrow().facts())
        .containsEntry("period", "2026年10月至2026年11月");
    // mid-month the last complete month is still October
    assertThat(
            level(
                outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 11, 15), held),
                    RuleCatalogue.NO_COMMITTEE_MEETING)))
        .contains(Severity.WARNING);
  }

  @Test
  void aBranchWithoutACommitteeNeedsNoCommitteeMeeting() {
    OrgFacts o = branch(LocalDate.of(2026, 1, 1), false);
    assertThat(
            outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 10, 31), Map.of()),
                    RuleCatalogue.NO_COMMITTEE_MEETING)
                .finding())
        .isEmpty();
  }

  @Test
  void anOrgIsNotJudgedForPeriodsThatBeganBeforeItExisted() {
    OrgFacts o = branch(LocalDate.of(2026, 10, 15), true);
    assertThat(
            outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 10, 31), Map.of()),
                    RuleCatalogue.NO_THEMED_PARTY_DAY)
                .finding())
        .isEmpty();
    assertThat(
            level(
                outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 11, 30), Map.of()),
                    RuleCatalogue.NO_THEMED_PARTY_DAY)))
        .contains(Severity.WARNING);
  }

  @Test
  void noBranchGeneralMeetingInAQuarterIsAWarningAtQuarterEnd() {
    OrgFacts o = branch(LocalDate.of(2026, 1, 1), false);
    Map<String, List<LocalDate>> held =
        Map.of("BRANCH_GENERAL_MEETING", List.of(LocalDate.of(2026, 8, 1)));
    assertThat(
            outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 9, 30), held),
                    RuleCatalogue.NO_BRANCH_GENERAL_MEETING)
                .finding())
        .isEmpty();
    Outcome q4 =
        outcome(
            gaps.evaluate(o, LocalDate.of(2026, 12, 31), held),
            RuleCatalogue.NO_BRANCH_GENERAL_MEETING);
    assertThat(level(q4)).contains(Severity.WARNING);
    assertThat(q4.finding().orElseThrow().facts()).containsEntry("period", "2026年第四季度");
  }

  @Test
  void noOrgLifeMeetingThisYearIsANoticeFromOctoberFirstAndSeriousOnDecemberThirtyFirst() {
    OrgFacts o = branch(LocalDate.of(2026, 1, 1), false);
    String rule = RuleCatalogue.NO_ORG_LIFE_MEETING;
    assertThat(outcome(gaps.evaluate(o, LocalDate.of(2026, 9, 30), Map.of()), rule).finding())
        .isEmpty();
    assertThat(level(outcome(gaps.evaluate(o, LocalDate.of(2026, 10, 1), Map.of()), rule)))
        .contains(Severity.NOTICE);
    assertThat(level(outcome(gaps.evaluate(o, LocalDate.of(2026, 12, 31), Map.of()), rule)))
        .contains(Severity.SERIOUS);
    Map<String, List<LocalDate>> held =
        Map.of("ORG_LIFE_MEETING", List.of(LocalDate.of(2026, 11, 20)));
    assertThat(outcome(gaps.evaluate(o, LocalDate.of(2026, 12, 31), held), rule).finding())
        .isEmpty();
    assertThat(
            level(
                outcome(
                    gaps.evaluate(o, LocalDate.of(2026, 12, 31), Map.of()),
                    RuleCatalogue.NO_DEMOCRATIC_APPRAISAL)))
        .contains(Severity.SERIOUS);
  }

  @Test
  void partyGroupsMeetMonthlyAndBranchesDoNotHoldGroupMeetings() {
    OrgFacts group =
        new OrgFacts(
            UUID.randomUUID(),
            "/a/b/c/",
            "PARTY_GROUP",
            "第一党小组",
            LocalDate.of(2026, 10, 1),
            false,
            null,
            null,
            0,
            null,
            List.of(),
            0,
            0);
    assertThat(
            level(
                outcome(
                    gaps.evaluate(group, LocalDate.of(2026, 10, 31), Map.of()),
                    RuleCatalogue.NO_GROUP_MEETING)))
        .contains(Severity.WARNING);
    OrgFacts branch = branch(LocalDate.of(2026, 1, 1), false);
    assertThat(
            outcome(
                    gaps.evaluate(branch, LocalDate.of(2026, 10, 31), Map.of()),
                    RuleCatalogue.NO_GROUP_MEETING)
                .finding())
        .isEmpty();
  }

  private static OrgFacts term(LocalDate due) {
    return new OrgFacts(
        UUID.randomUUID(),
        "/a/b/",
        "BRANCH",
        "第一党支部",
        null,
        false,
        UUID.randomUUID(),
        due,
        5,
        null,
        List.of(),
        9,
        12);
  }

  @Test
  void committeeTermExpiringSixMonthsAheadIsANoticeOneMonthAheadAWarningOverdueSerious() {
    LocalDate due = LocalDate.of(2027, 6, 30);
    OrgFacts o = term(due);
    assertThat(level(rules.committeeTerm(o, due.minusDays(184)))).isEmpty();
    assertThat(level(rules.committeeTerm(o, due.minusDays(183)))).contains(Severity.NOTICE);
    assertThat(level(rules.committeeTerm(o, due.minusDays(30)))).contains(Severity.WARNING);
    assertThat(level(rules.committeeTerm(o, due))).contains(Severity.WARNING);
    assertThat(level(rules.committeeTerm(o, due.plusDays(1)))).contains(Severity.SERIOUS);
    assertThat(
            rules
                .committeeTerm(o, due.plusDays(400))
                .finding()
                .orElseThrow()
                .facts()
                .get("overdueText"))
        .contains("超过延期换届最长一年的期限");
  }

  @Test
  void secretaryVacantMoreThanOneMonthIsAWarningMoreThanThreeSerious() {
    OrgFacts o =
        new OrgFacts(
            UUID.randomUUID(),
            "/a/b/",
            "BRANCH",
            "第一党支部",
            null,
            false,
            UUID.randomUUID(),
            null,
            4,
            LocalDate.of(2026, 7, 1),
            List.of(),
            9,
            12);
    assertThat(level(rules.secretaryVacant(o, LocalDate.of(2026, 7, 31)))).isEmpty();
    assertThat(level(rules.secretaryVacant(o, LocalDate.of(2026, 8, 1))))
        .contains(Severity.WARNING);
    assertThat(level(rules.secretaryVacant(o, LocalDate.of(2026, 10, 1))))
        .contains(Severity.SERIOUS);
  }

  @Test
  void structuralWarningsBecomeOneFindingEachWithTheRegulationInWords() {
    OrgFacts o =
        new OrgFacts(
            UUID.randomUUID(),
            "/a/b/",
            "BRANCH",
            "第一党支部",
            null,
            false,
            null,
            null,
            0,
            null,
            List.of("committee-required", "more-than-fifty-members"),
            51,
            55);
    List<Outcome> outcomes = rules.structure(o);
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes)
        .extracting(out -> out.finding().orElseThrow().severity())
        .containsExactlyInAnyOrder(Severity.WARNING, Severity.NOTICE);
    assertThat(outcomes)
        .extracting(out -> out.finding().orElseThrow().facts().get("ruleText"))
        .anyMatch(text -> text.contains("正式党员7人以上的党支部应当设立支部委员会"));
  }

  @Test
  void approvalOverdueWarnsTheDayAfterItsDueDateAndIsSeriousAfterThirtyDays() {
    PendingApproval pending =
        new PendingApproval(
            UUID.randomUUID(),
            "DEVELOPMENT_STEP",
            "PRIMARY_COMMITTEE",
            "17 上级党委审批（李某）",
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 12, 1));
    assertThat(rules.overdueApprovals(List.of(pending), LocalDate.of(2026, 12, 1))).isEmpty();
    List<Finding> late = rules.overdueApprovals(List.of(pending), LocalDate.of(2026, 12, 2));
    assertThat(late).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    assertThat(late.get(0).facts()).containsEntry("body", "基层党委").containsEntry("days", "1");
    assertThat(late.get(0).periodKey()).isEqualTo("approval:" + pending.approvalId());
    assertThat(rules.overdueApprovals(List.of(pending), LocalDate.of(2026, 12, 31)))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.SERIOUS);
  }
}
