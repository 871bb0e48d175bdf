package cn.dangjian.member.person;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.person.MemberStatusRules.SuspensionBasis;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberStatusRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static void change(
      MemberStage stage,
      MemberStatus from,
      MemberStatus to,
      SuspensionBasis basis,
      LocalDate lostSince) {
    MemberStatusRules.checkStatusChange(
        stage, from, to, TODAY, basis, Optional.ofNullable(lostSince), TODAY);
  }

  @Test
  void suspensionForLostContactNeedsSixMonthsOfLostContact() {
    assertRule(
        () ->
            change(
                MemberStage.FULL,
                MemberStatus.ACTIVE,
                MemberStatus.SUSPENDED,
                SuspensionBasis.LOST_CONTACT,
                TODAY.minusMonths(5)),
        "suspension-needs-six-months-lost-contact");
    assertRule(
        () ->
            change(
                MemberStage.FULL,
                MemberStatus.ACTIVE,
                MemberStatus.SUSPENDED,
                SuspensionBasis.LOST_CONTACT,
                null),
        "suspension-needs-six-months-lost-contact");
    assertThatCode(
            () ->
                change(
                    MemberStage.FULL,
                    MemberStatus.ACTIVE,
                    MemberStatus.SUSPENDED,
                    SuspensionBasis.LOST_CONTACT,
                    TODAY.minusMonths(6)))
        .doesNotThrowAnyException();
  }

  @Test
  void settlingAbroadSuspendsWithoutLostContact() {
    assertThatCode(
            () ->
                change(
                    MemberStage.FULL,
                    MemberStatus.ACTIVE,
                    MemberStatus.SUSPENDED,
                    SuspensionBasis.SETTLED_ABROAD,
                    null))
        .doesNotThrowAnyException();
  }

  @Test
  void suspensionNeedsABasis() {
    assertRule(
        () -> change(MemberStage.FULL, MemberStatus.ACTIVE, MemberStatus.SUSPENDED, null, null),
        "suspension-needs-basis");
  }

  @Test
  void suspendedMembershipCanBeRestored() {
    assertThatCode(
            () -> change(MemberStage.FULL, MemberStatus.SUSPENDED, MemberStatus.ACTIVE, null, null))
        .doesNotThrowAnyException();
  }

  @Test
  void finalStatusesAreFinal() {
    assertRule(
        () -> change(MemberStage.FULL, MemberStatus.EXPELLED, MemberStatus.ACTIVE, null, null),
        "status-is-final");
  }

  @Test
  void probationaryMembersCannotBePersuadedToQuit() {
    assertRule(
        () ->
            change(
                MemberStage.PROBATIONARY,
                MemberStatus.ACTIVE,
                MemberStatus.PERSUADED_TO_QUIT,
                null,
                null),
        "probationary-cannot-be-persuaded-to-quit");
  }

  @Test
  void onlyProbationaryMembersLoseProbationaryMembership() {
    assertRule(
        () ->
            change(
                MemberStage.FULL,
                MemberStatus.ACTIVE,
                MemberStatus.PROBATION_CANCELLED,
                null,
                null),
        "only-probationary-members");
    assertThatCode(
            () ->
                change(
                    MemberStage.PROBATIONARY,
                    MemberStatus.ACTIVE,
                    MemberStatus.PROBATION_CANCELLED,
                    null,
                    null))
        .doesNotThrowAnyException();
  }

  @Test
  void applicantsCannotBeExpelled() {
    assertRule(
        () -> change(MemberStage.APPLICANT, MemberStatus.ACTIVE, MemberStatus.EXPELLED, null, null),
        "only-admitted-members");
  }

  @Test
  void correctionPeriodDefaultsToSixMonthsAndLastsAtMostOneYear() {
    LocalDate start = LocalDate.of(2026, 1, 10);
    assertThat(MemberStatusRules.flagPeriodEnd(MemberFlag.CORRECTION_PERIOD, start, null))
        .isEqualTo(LocalDate.of(2026, 7, 10));
    assertRule(
        () ->
            MemberStatusRules.flagPeriodEnd(
                MemberFlag.CORRECTION_PERIOD, start, start.plusMonths(13)),
        "correction-period-at-most-one-year");
  }

  @Test
  void disciplinaryProbationDefaultsToOneYearAndLastsAtMostTwo() {
    LocalDate start = LocalDate.of(2026, 1, 10);
    assertThat(MemberStatusRules.flagPeriodEnd(MemberFlag.DISCIPLINARY_PROBATION, start, null))
        .isEqualTo(LocalDate.of(2027, 1, 10));
    assertRule(
        () ->
            MemberStatusRules.flagPeriodEnd(
                MemberFlag.DISCIPLINARY_PROBATION, start, start.plusYears(2).plusDays(1)),
        "disciplinary-probation-at-most-two-years");
  }

  @Test
  void flagsApplyOnlyToActiveMembersAndOnlyOnceAtATime() {
    assertRule(
        () -> MemberStatusRules.checkFlagAllowed(MemberStatus.SUSPENDED, MemberFlag.MOBILE, false),
        "flags-only-for-active-members");
    assertRule(
        () -> MemberStatusRules.checkFlagAllowed(MemberStatus.ACTIVE, MemberFlag.MOBILE, true),
        "flag-already-set");
  }

  @Test
  void disciplinaryProbationAndSuspendedRightsRemoveTheVote() {
    assertThat(MemberFlag.DISCIPLINARY_PROBATION.removesVotingRights()).isTrue();
    assertThat(MemberFlag.RIGHTS_SUSPENDED.removesVotingRights()).isTrue();
    assertThat(MemberFlag.MOBILE.removesVotingRights()).isFalse();
  }
}
