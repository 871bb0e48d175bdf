package cn.dangjian.member.dueshardship;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DuesHardshipRulesTest {

  static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);

  @Test
  void reductionNamesTheAmountPaid() {
    assertRule(
        () ->
            DuesHardshipRules.checkTerms(
                DuesHardshipKind.REDUCED, null, DECIDED.plusMonths(6), DECIDED),
        "reduction-names-the-amount-paid");
    assertRule(
        () ->
            DuesHardshipRules.checkTerms(
                DuesHardshipKind.REDUCED, 0L, DECIDED.plusMonths(6), DECIDED),
        "reduction-names-the-amount-paid");
    assertThatCode(
            () ->
                DuesHardshipRules.checkTerms(
                    DuesHardshipKind.REDUCED, 200L, DECIDED.plusMonths(6), DECIDED))
        .doesNotThrowAnyException();
  }

  @Test
  void waiverIsZero() {
    assertRule(
        () ->
            DuesHardshipRules.checkTerms(
                DuesHardshipKind.WAIVED, 100L, DECIDED.plusMonths(6), DECIDED),
        "waiver-is-zero");
    assertThatCode(
            () ->
                DuesHardshipRules.checkTerms(
                    DuesHardshipKind.WAIVED, null, DECIDED.plusMonths(6), DECIDED))
        .doesNotThrowAnyException();
  }

  @Test
  void hardshipEndsAfterItsApproval() {
    assertRule(
        () -> DuesHardshipRules.checkTerms(DuesHardshipKind.WAIVED, null, DECIDED, DECIDED),
        "hardship-ends-after-its-approval");
    assertThatCode(
            () ->
                DuesHardshipRules.checkTerms(
                    DuesHardshipKind.WAIVED, null, DECIDED.plusDays(1), DECIDED))
        .doesNotThrowAnyException();
  }

  @Test
  void hardshipOnlyForActivePartyMembers() {
    assertRule(
        () -> DuesHardshipRules.checkMember(MemberStage.DEVELOPMENT_TARGET, MemberStatus.ACTIVE),
        "hardship-only-for-active-party-members");
    assertRule(
        () -> DuesHardshipRules.checkMember(MemberStage.FULL, MemberStatus.SUSPENDED),
        "hardship-only-for-active-party-members");
    assertThatCode(
            () -> DuesHardshipRules.checkMember(MemberStage.PROBATIONARY, MemberStatus.ACTIVE))
        .doesNotThrowAnyException();
  }
}
