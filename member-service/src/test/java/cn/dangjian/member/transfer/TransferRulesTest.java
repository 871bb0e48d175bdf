package cn.dangjian.member.transfer;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransferRulesTest {

  @Test
  void onlyAdmittedActiveMembersTransferTheirRelationship() {
    assertRule(
        () -> TransferRules.checkMember(MemberStage.ACTIVIST, MemberStatus.ACTIVE, false),
        "only-admitted-active-members-transfer");
    assertRule(
        () -> TransferRules.checkMember(MemberStage.FULL, MemberStatus.SUSPENDED, false),
        "only-admitted-active-members-transfer");
    assertThatCode(
            () -> TransferRules.checkMember(MemberStage.PROBATIONARY, MemberStatus.ACTIVE, false))
        .doesNotThrowAnyException();
  }

  @Test
  void oneTransferAtATime() {
    assertRule(
        () -> TransferRules.checkMember(MemberStage.FULL, MemberStatus.ACTIVE, true),
        "transfer-already-open");
  }

  @Test
  void relationshipGoesToABranch() {
    assertRule(
        () -> TransferRules.checkDestination(OrgType.PARTY_COMMITTEE, false),
        "destination-must-be-a-branch");
    assertRule(() -> TransferRules.checkDestination(OrgType.BRANCH, true), "same-organisation");
  }

  @Test
  void letterIsValidForThreeMonthsByDefault() {
    assertThat(TransferRules.validUntil(LocalDate.of(2026, 1, 1), null))
        .isEqualTo(LocalDate.of(2026, 4, 1));
    assertRule(
        () -> TransferRules.validUntil(LocalDate.of(2026, 1, 1), 181), "validity-one-to-180-days");
  }

  @Test
  void expiredLetterIsNotReceived() {
    assertRule(
        () -> TransferRules.checkStillValid(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2)),
        "letter-expired");
  }

  @Test
  void receivedTransferCannotBeRevoked() {
    assertRule(
        () -> TransferRules.checkTransition(TransferStatus.RECEIVED, TransferStatus.REVOKED),
        "transition-not-allowed");
    assertThatCode(
            () -> TransferRules.checkTransition(TransferStatus.IN_TRANSIT, TransferStatus.REVOKED))
        .doesNotThrowAnyException();
  }
}
