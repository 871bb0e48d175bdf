package cn.dangjian.dues.ledger;

import static cn.dangjian.dues.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.dues.meeting.KnownMeeting;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

  static final UUID BRANCH = UUID.randomUUID();
  static final UUID MEETING = UUID.randomUUID();
  static final LocalDate ON = LocalDate.of(2026, 9, 10);

  static Optional<KnownMeeting> meeting(UUID org, String type, LocalDate heldOn, String status) {
    return Optional.of(new KnownMeeting(MEETING, org, type, heldOn, status));
  }

  @Test
  void expenseNeedsACollectiveDecision() {
    assertRule(
        () -> DecisionRules.check(Optional.empty(), MEETING, BRANCH, ON),
        "collective-decision-unknown");
    assertRule(
        () ->
            DecisionRules.check(
                meeting(BRANCH, "COMMITTEE_MEETING", ON, "CANCELLED"), MEETING, BRANCH, ON),
        "collective-decision-unknown");
  }

  @Test
  void theDecisionIsTheSpendingOrgs() {
    assertRule(
        () ->
            DecisionRules.check(
                meeting(UUID.randomUUID(), "COMMITTEE_MEETING", ON, "APPROVED"),
                MEETING,
                BRANCH,
                ON),
        "collective-decision-of-another-org");
  }

  @Test
  void onlyACommitteeOrGeneralMeetingDecides() {
    for (String type : new String[] {"GROUP_MEETING", "PARTY_LECTURE", "THEMED_PARTY_DAY"}) {
      assertRule(
          () -> DecisionRules.check(meeting(BRANCH, type, ON, "HELD"), MEETING, BRANCH, ON),
          "collective-decision-wrong-meeting-type");
    }
  }

  @Test
  void theDecisionComesBeforeTheSpending() {
    assertRule(
        () ->
            DecisionRules.check(
                meeting(BRANCH, "BRANCH_GENERAL_MEETING", ON.plusDays(1), "HELD"),
                MEETING,
                BRANCH,
                ON),
        "collective-decision-after-the-fact");
    assertThatCode(
            () ->
                DecisionRules.check(
                    meeting(BRANCH, "BRANCH_GENERAL_MEETING", ON, "SUBMITTED"),
                    MEETING,
                    BRANCH,
                    ON))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                DecisionRules.check(
                    meeting(BRANCH, "COMMITTEE_MEETING", ON.minusMonths(1), "APPROVED"),
                    MEETING,
                    BRANCH,
                    ON))
        .doesNotThrowAnyException();
  }
}
