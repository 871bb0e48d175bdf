package cn.dangjian.member.committee;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.org.OrgType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommitteeRulesTest {

  @Test
  void branchTermsAreThreeYearsAndCommitteeTermsFive() {
    assertThat(CommitteeRules.defaultTermYears(OrgType.BRANCH, false)).isEqualTo(3);
    assertThat(CommitteeRules.defaultTermYears(OrgType.GENERAL_BRANCH, false)).isEqualTo(3);
    assertThat(CommitteeRules.defaultTermYears(OrgType.PARTY_COMMITTEE, false)).isEqualTo(5);
  }

  @Test
  void villageAndCommunityOrganisationsServeFiveYears() {
    assertThat(CommitteeRules.defaultTermYears(OrgType.BRANCH, true)).isEqualTo(5);
  }

  @Test
  void secretaryNeedsOneYearOfPartyStanding() {
    LocalDate appointed = LocalDate.of(2026, 11, 1);
    assertRule(
        () ->
            CommitteeRules.checkEligible(
                CommitteeRole.SECRETARY, true, true, false, LocalDate.of(2026, 1, 1), appointed),
        "secretary-needs-one-year-standing");
    assertThatCode(
            () ->
                CommitteeRules.checkEligible(
                    CommitteeRole.SECRETARY,
                    true,
                    true,
                    false,
                    LocalDate.of(2025, 11, 1),
                    appointed))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                CommitteeRules.checkEligible(
                    CommitteeRole.ORGANISATION,
                    true,
                    true,
                    false,
                    LocalDate.of(2026, 1, 1),
                    appointed))
        .doesNotThrowAnyException();
  }

  @Test
  void probationaryMembersAndMembersUnderDisciplineCannotBeElected() {
    LocalDate on = LocalDate.of(2026, 11, 1);
    assertRule(
        () -> CommitteeRules.checkEligible(CommitteeRole.MEMBER, false, true, false, null, on),
        "only-full-members-with-rights");
    assertRule(
        () ->
            CommitteeRules.checkEligible(
                CommitteeRole.MEMBER, true, true, true, LocalDate.of(2010, 1, 1), on),
        "only-full-members-with-rights");
  }

  @Test
  void branchBelowSevenFormalMembersHasOnlySecretaryAndDeputy() {
    assertThatCode(
            () -> CommitteeRules.checkRoleForSize(OrgType.BRANCH, CommitteeRole.SECRETARY, 5))
        .doesNotThrowAnyException();
    assertRule(
        () -> CommitteeRules.checkRoleForSize(OrgType.BRANCH, CommitteeRole.ORGANISATION, 6),
        "committee-needs-seven-formal-members");
    assertThatCode(
            () -> CommitteeRules.checkRoleForSize(OrgType.BRANCH, CommitteeRole.ORGANISATION, 7))
        .doesNotThrowAnyException();
  }

  @Test
  void reElectionIsPostponedByAtMostOneYear() {
    LocalDate ends = LocalDate.of(2026, 12, 31);
    assertThatCode(() -> CommitteeRules.checkPostponement(ends, ends.plusYears(1)))
        .doesNotThrowAnyException();
    assertRule(
        () -> CommitteeRules.checkPostponement(ends, ends.plusYears(1).plusDays(1)),
        "postponement-at-most-one-year");
    assertRule(() -> CommitteeRules.checkPostponement(ends, ends), "postponement-at-most-one-year");
  }

  @Test
  void partyGroupsHaveNoCommittee() {
    assertRule(
        () -> CommitteeRules.checkOrgMayHaveCommittee(OrgType.PARTY_GROUP),
        "no-committee-for-this-org");
  }
}
