package cn.dangjian.member.person;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.MemberRegistrationRules.Registration;
import cn.dangjian.member.privacy.ChineseIdNumber;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MemberRegistrationRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final LocalDate BIRTH = LocalDate.of(1990, 3, 7);
  static final String ID = ChineseIdNumber.withCheckDigit("11010519900307123");

  private static Registration full(LocalDate join, LocalDate full) {
    return new Registration(OrgType.BRANCH, ID, BIRTH, MemberStage.FULL, join, full);
  }

  @Test
  void fullMemberWithOneYearProbationIsAccepted() {
    assertThatCode(
            () ->
                MemberRegistrationRules.check(
                    full(LocalDate.of(2019, 7, 1), LocalDate.of(2020, 7, 1)), TODAY))
        .doesNotThrowAnyException();
  }

  @Test
  void membersBelongToBranchesNotDirectlyToCommittees() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(
                    OrgType.PARTY_COMMITTEE,
                    ID,
                    BIRTH,
                    MemberStage.FULL,
                    LocalDate.of(2019, 7, 1),
                    LocalDate.of(2020, 7, 1)),
                TODAY),
        "org-cannot-hold-members");
  }

  @Test
  void temporaryBranchHoldsNoMemberRelationships() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(
                    OrgType.TEMPORARY_BRANCH, ID, BIRTH, MemberStage.APPLICANT, null, null),
                TODAY),
        "org-cannot-hold-members");
  }

  @Test
  void birthDateMustMatchTheIdNumber() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(
                    OrgType.BRANCH, ID, BIRTH.plusDays(1), MemberStage.APPLICANT, null, null),
                TODAY),
        "birth-date-mismatch");
  }

  @Test
  void applicantMustBeAtLeastEighteen() {
    String minorId = ChineseIdNumber.withCheckDigit("11010520100101123");
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(
                    OrgType.BRANCH,
                    minorId,
                    LocalDate.of(2010, 1, 1),
                    MemberStage.APPLICANT,
                    null,
                    null),
                TODAY),
        "member-must-be-adult");
  }

  @Test
  void memberMustHaveBeenEighteenWhenAdmitted() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                full(LocalDate.of(2007, 7, 1), LocalDate.of(2008, 7, 1)), TODAY),
        "member-must-be-adult");
  }

  @Test
  void probationaryMemberNeedsAJoinDate() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(OrgType.BRANCH, ID, BIRTH, MemberStage.PROBATIONARY, null, null),
                TODAY),
        "join-date-required");
  }

  @Test
  void fullMembershipComesAfterAtLeastOneYearOfProbation() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                full(LocalDate.of(2019, 7, 1), LocalDate.of(2020, 6, 30)), TODAY),
        "probation-one-to-two-years");
  }

  @Test
  void probationIsExtendedAtMostOnceByOneYear() {
    assertThatCode(
            () ->
                MemberRegistrationRules.check(
                    full(LocalDate.of(2019, 7, 1), LocalDate.of(2021, 7, 1)), TODAY))
        .doesNotThrowAnyException();
    assertRule(
        () ->
            MemberRegistrationRules.check(
                full(LocalDate.of(2019, 7, 1), LocalDate.of(2021, 7, 2)), TODAY),
        "probation-one-to-two-years");
  }

  @Test
  void datesCannotLieInTheFuture() {
    assertRule(
        () ->
            MemberRegistrationRules.check(
                new Registration(
                    OrgType.BRANCH, ID, BIRTH, MemberStage.PROBATIONARY, TODAY.plusDays(1), null),
                TODAY),
        "date-in-future");
  }

  @Test
  void partyStandingCountsFromTheEndOfProbation() {
    assertThat(MemberRegistrationRules.partyStandingYears(LocalDate.of(2020, 7, 1), TODAY))
        .isEqualTo(6);
    assertThat(MemberRegistrationRules.partyStandingYears(LocalDate.of(2020, 11, 26), TODAY))
        .isEqualTo(5);
    assertThat(MemberRegistrationRules.partyStandingYears(null, TODAY)).isNull();
  }

  private static MemberRegistrationRules.EarlierRecord earlier(
      MemberStatus status, LocalDate since) {
    return new MemberRegistrationRules.EarlierRecord(status, since);
  }

  @Test
  void expelledPersonCannotApplyWithinFiveYears() {
    assertRule(
        () ->
            MemberRegistrationRules.mayRegisterAgain(
                java.util.List.of(earlier(MemberStatus.EXPELLED, TODAY.minusYears(5).plusDays(1))),
                MemberStage.APPLICANT,
                TODAY),
        "five-year-re-entry-bar");
    assertRule(
        () ->
            MemberRegistrationRules.mayRegisterAgain(
                java.util.List.of(earlier(MemberStatus.STRUCK_OFF, TODAY.minusYears(2))),
                MemberStage.APPLICANT,
                TODAY),
        "five-year-re-entry-bar");
  }

  @Test
  void appliesAgainAfterFiveYears() {
    assertThat(
            MemberRegistrationRules.mayRegisterAgain(
                java.util.List.of(earlier(MemberStatus.PERSUADED_TO_QUIT, TODAY.minusYears(5))),
                MemberStage.APPLICANT,
                TODAY))
        .isTrue();
    // a re-entrant starts again as an applicant
    assertThat(
            MemberRegistrationRules.mayRegisterAgain(
                java.util.List.of(earlier(MemberStatus.EXPELLED, TODAY.minusYears(6))),
                MemberStage.FULL,
                TODAY))
        .isFalse();
  }

  @Test
  void anyOtherEarlierRecordIsAlreadyRegistered() {
    for (MemberStatus other :
        java.util.List.of(
            MemberStatus.ACTIVE,
            MemberStatus.SUSPENDED,
            MemberStatus.WITHDRAWN,
            MemberStatus.DECEASED,
            MemberStatus.TRANSFERRED_OUT)) {
      assertThat(
              MemberRegistrationRules.mayRegisterAgain(
                  java.util.List.of(
                      earlier(MemberStatus.EXPELLED, TODAY.minusYears(9)),
                      earlier(other, TODAY.minusYears(1))),
                  MemberStage.APPLICANT,
                  TODAY))
          .as(other.name())
          .isFalse();
    }
  }
}
