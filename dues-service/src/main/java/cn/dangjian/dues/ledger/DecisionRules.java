package cn.dangjian.dues.ledger;

import cn.dangjian.dues.meeting.KnownMeeting;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Spending and allocating dues need a collective decision (DF Art 20): a 支委会 or 支部党员大会 of the org
 * that spends (for an allocation, the allocating parent), held on or before the day the money goes.
 * Plain rules, no Spring.
 */
final class DecisionRules {

  static final Set<String> DECIDING_TYPES = Set.of("COMMITTEE_MEETING", "BRANCH_GENERAL_MEETING");

  private DecisionRules() {}

  static void check(Optional<KnownMeeting> found, UUID meetingId, UUID decidingOrg, LocalDate on) {
    KnownMeeting meeting =
        found
            .filter(m -> !m.cancelled())
            .orElseThrow(
                () ->
                    ProblemException.businessRule(
                        "collective-decision-unknown", "ledger.rule.decision-unknown", meetingId));
    if (!meeting.orgId().equals(decidingOrg)) {
      throw ProblemException.businessRule(
          "collective-decision-of-another-org", "ledger.rule.decision-other-org", meetingId);
    }
    if (!DECIDING_TYPES.contains(meeting.meetingType())) {
      throw ProblemException.businessRule(
          "collective-decision-wrong-meeting-type",
          "ledger.rule.decision-wrong-type",
          meetingId,
          meeting.meetingType());
    }
    if (meeting.heldOn() == null || meeting.heldOn().isAfter(on)) {
      throw ProblemException.businessRule(
          "collective-decision-after-the-fact",
          "ledger.rule.decision-after",
          meetingId,
          String.valueOf(meeting.heldOn()),
          on.toString());
    }
  }
}
