package cn.dangjian.member.approval;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.platform.security.Caller;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who speaks for which deciding body, and what a decision may say. */
class ApprovalRulesTest {

  private static final UUID COUNTY = UUID.randomUUID();
  private static final UUID TOWN = UUID.randomUUID();
  private static final UUID BRANCH = UUID.randomUUID();
  private static final String COUNTY_PATH = "/" + COUNTY + "/";
  private static final String TOWN_PATH = COUNTY_PATH + TOWN + "/";
  private static final String BRANCH_PATH = TOWN_PATH + BRANCH + "/";
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  private static Caller caller(String role, UUID org) {
    return new Caller("sub", "user", Set.of(role), Optional.ofNullable(org), Optional.empty());
  }

  private static boolean speaks(Caller c, String callerPath, DecidingBody body, UUID org) {
    return ApprovalRules.speaksFor(c, callerPath, body, org, BRANCH_PATH, 0);
  }

  @Test
  void branchCannotApproveItsOwnAdmission() {
    assertThat(
            speaks(caller("secretary", BRANCH), BRANCH_PATH, DecidingBody.PRIMARY_COMMITTEE, TOWN))
        .isFalse();
    assertThat(speaks(caller("secretary", TOWN), TOWN_PATH, DecidingBody.PRIMARY_COMMITTEE, TOWN))
        .isTrue();
    assertThat(
            speaks(caller("party-worker", TOWN), TOWN_PATH, DecidingBody.PRIMARY_COMMITTEE, TOWN))
        .isTrue();
    // a member of the 党委's subtree is not its officer
    assertThat(speaks(caller("member", TOWN), TOWN_PATH, DecidingBody.PRIMARY_COMMITTEE, TOWN))
        .isFalse();
  }

  @Test
  void theCommitteeAboveIsNotThePrimaryCommittee() {
    assertThat(
            speaks(caller("secretary", COUNTY), COUNTY_PATH, DecidingBody.PRIMARY_COMMITTEE, TOWN))
        .isFalse();
    assertThat(
            speaks(caller("secretary", COUNTY), COUNTY_PATH, DecidingBody.HIGHER_COMMITTEE, COUNTY))
        .isTrue();
  }

  @Test
  void countyOrganisationDepartmentDecidesForAnyCommitteeButNotForTheDisciplineCommission() {
    Caller admin = caller("platform-admin", null);
    assertThat(speaks(admin, null, DecidingBody.COUNTY_ORG_DEPARTMENT, null)).isTrue();
    assertThat(speaks(admin, null, DecidingBody.PRIMARY_COMMITTEE, TOWN)).isTrue();
    assertThat(speaks(admin, null, DecidingBody.DISCIPLINE_COMMISSION, null)).isFalse();
  }

  @Test
  void expulsionNeedsCountyDisciplineCommission() {
    assertThat(
            speaks(
                caller("discipline-commission", COUNTY),
                COUNTY_PATH,
                DecidingBody.DISCIPLINE_COMMISSION,
                null))
        .isTrue();
    // a 纪委 below county level (the township's) does not decide an expulsion
    assertThat(
            speaks(
                caller("discipline-commission", TOWN),
                TOWN_PATH,
                DecidingBody.DISCIPLINE_COMMISSION,
                null))
        .isFalse();
    // …unless the deployment's county level is deeper (a provincial tree)
    assertThat(
            ApprovalRules.speaksFor(
                caller("discipline-commission", TOWN),
                TOWN_PATH,
                DecidingBody.DISCIPLINE_COMMISSION,
                null,
                BRANCH_PATH,
                1))
        .isTrue();
    // nor one whose subtree does not hold the member
    UUID other = UUID.randomUUID();
    assertThat(
            speaks(
                caller("discipline-commission", other),
                "/" + other + "/",
                DecidingBody.DISCIPLINE_COMMISSION,
                null))
        .isFalse();
    // a secretary is not a 纪委
    assertThat(
            speaks(
                caller("secretary", COUNTY), COUNTY_PATH, DecidingBody.DISCIPLINE_COMMISSION, null))
        .isFalse();
  }

  @Test
  void returnOrRejectNeedsAComment() {
    assertRule(
        () ->
            ApprovalRules.checkDecision(
                ApprovalStatus.PENDING, Outcome.RETURN, " ", TODAY, TODAY, TODAY),
        "return-or-reject-needs-comment");
    assertRule(
        () ->
            ApprovalRules.checkDecision(
                ApprovalStatus.PENDING, Outcome.REJECT, null, TODAY, TODAY, TODAY),
        "return-or-reject-needs-comment");
    ApprovalRules.checkDecision(ApprovalStatus.PENDING, Outcome.APPROVE, null, TODAY, TODAY, TODAY);
  }

  @Test
  void aDecisionIsDatedBetweenTheRequestAndToday() {
    assertRule(
        () ->
            ApprovalRules.checkDecision(
                ApprovalStatus.PENDING,
                Outcome.APPROVE,
                null,
                TODAY.plusDays(1),
                TODAY.minusDays(3),
                TODAY),
        "date-in-future");
    assertRule(
        () ->
            ApprovalRules.checkDecision(
                ApprovalStatus.PENDING,
                Outcome.APPROVE,
                null,
                TODAY.minusDays(4),
                TODAY.minusDays(3),
                TODAY),
        "decision-before-request");
  }

  @Test
  void onlyAPendingRequestIsDecidedAndOnlyAReturnedOneResubmitted() {
    assertRule(
        () ->
            ApprovalRules.checkDecision(
                ApprovalStatus.RETURNED, Outcome.APPROVE, null, TODAY, TODAY, TODAY),
        "approval-not-pending");
    assertRule(
        () -> ApprovalRules.checkResubmission(ApprovalStatus.PENDING),
        "only-returned-requests-can-be-resubmitted");
    assertRule(
        () -> ApprovalRules.checkWithdrawal(ApprovalStatus.APPROVED), "approval-already-ended");
    ApprovalRules.checkWithdrawal(ApprovalStatus.RETURNED);
  }

  @Test
  void depthCountsFromTheRoot() {
    assertThat(ApprovalRules.depth(COUNTY_PATH)).isZero();
    assertThat(ApprovalRules.depth(BRANCH_PATH)).isEqualTo(2);
  }
}
