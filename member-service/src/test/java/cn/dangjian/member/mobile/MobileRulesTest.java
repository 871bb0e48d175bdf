package cn.dangjian.member.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.member.org.OrgType;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MobileRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static String rule(Runnable check) {
    try {
      check.run();
    } catch (ProblemException e) {
      return String.valueOf(e.properties().get("rule"));
    }
    return "none";
  }

  @Test
  void onlyAdmittedActiveMembersHoldACertificateAndOneAtATime() {
    assertThatThrownBy(
            () -> MobileRules.checkMember(MemberStage.ACTIVIST, MemberStatus.ACTIVE, false))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> MobileRules.checkMember(MemberStage.FULL, MemberStatus.SUSPENDED, false))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> MobileRules.checkMember(MemberStage.FULL, MemberStatus.ACTIVE, true))
        .isInstanceOf(ProblemException.class);
    assertThatCode(
            () -> MobileRules.checkMember(MemberStage.PROBATIONARY, MemberStatus.ACTIVE, false))
        .doesNotThrowAnyException();
  }

  @Test
  void aCertificateIsValidForAtMostTheConfiguredMonths() {
    LocalDate issued = LocalDate.of(2026, 3, 5);
    assertThat(
            rule(() -> MobileRules.checkValidity(issued, issued, issued.plusMonths(13), 12, TODAY)))
        .isEqualTo("mobile-validity-too-long");
    assertThat(rule(() -> MobileRules.checkValidity(issued, issued, issued, 12, TODAY)))
        .isEqualTo("mobile-validity-must-follow-issue");
    assertThat(
            rule(
                () ->
                    MobileRules.checkValidity(
                        issued, TODAY.plusDays(1), TODAY.plusMonths(2), 12, TODAY)))
        .isEqualTo("date-in-future");
    assertThat(
            rule(() -> MobileRules.checkValidity(issued, issued, issued.plusMonths(12), 12, TODAY)))
        .isEqualTo("none");
  }

  @Test
  void awaySixMonthsAtAFixedPlaceRequiresATransferOrAWrittenReason() {
    LocalDate away = LocalDate.of(2026, 3, 1);
    assertThat(
            rule(() -> MobileRules.checkTransferNotRequired(true, away, away.plusMonths(6), null)))
        .isEqualTo("long-absence-at-fixed-place-requires-transfer");
    assertThat(
            rule(
                () ->
                    MobileRules.checkTransferNotRequired(
                        true, away, away.plusMonths(6), "用人单位为临时项目部，无法接收组织关系")))
        .isEqualTo("none");
    // shorter than six months, or moving about: the certificate is the right tool
    assertThat(
            rule(
                () ->
                    MobileRules.checkTransferNotRequired(
                        true, away, away.plusMonths(6).minusDays(1), null)))
        .isEqualTo("none");
    assertThat(
            rule(
                () -> MobileRules.checkTransferNotRequired(false, away, away.plusMonths(11), null)))
        .isEqualTo("none");
    assertThat(MobileRules.transferRequired(true, away, LocalDate.of(2026, 9, 1))).isTrue();
    assertThat(MobileRules.transferRequired(true, away, LocalDate.of(2026, 8, 31))).isFalse();
  }

  @Test
  void theHostIsAnotherBranchOrANamedOrganisationOutside() {
    assertThat(rule(() -> MobileRules.checkHost(true, OrgType.BRANCH, true, null)))
        .isEqualTo("host-is-home");
    assertThat(rule(() -> MobileRules.checkHost(true, OrgType.PARTY_COMMITTEE, false, null)))
        .isEqualTo("host-must-be-a-branch");
    assertThat(rule(() -> MobileRules.checkHost(true, OrgType.TEMPORARY_BRANCH, false, null)))
        .isEqualTo("none");
    assertThat(rule(() -> MobileRules.checkHost(false, null, false, "深圳市某商会党委"))).isEqualTo("none");
    assertThatThrownBy(() -> MobileRules.checkHost(false, null, false, " "))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> MobileRules.checkHost(true, OrgType.BRANCH, false, "同时写了名称"))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void theReportHomeIsDueAYearAfterTheLastOne() {
    LocalDate issued = LocalDate.of(2026, 3, 5);
    assertThat(MobileRules.reportDueOn(issued, null)).isEqualTo(LocalDate.of(2027, 3, 5));
    assertThat(MobileRules.reportDueOn(issued, LocalDate.of(2026, 10, 1)))
        .isEqualTo(LocalDate.of(2027, 10, 1));
  }

  @Test
  void aRenewalMustExtendTheValidityWithinTheLimit() {
    LocalDate until = LocalDate.of(2027, 3, 4);
    assertThat(rule(() -> MobileRules.checkRenewal(until, TODAY, until, 12)))
        .isEqualTo("renewal-must-extend-validity");
    assertThat(rule(() -> MobileRules.checkRenewal(until, TODAY, TODAY.plusMonths(13), 12)))
        .isEqualTo("mobile-validity-too-long");
    assertThat(rule(() -> MobileRules.checkRenewal(until, TODAY, TODAY.plusMonths(12), 12)))
        .isEqualTo("none");
  }
}
