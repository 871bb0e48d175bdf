package cn.dangjian.member.discipline;

import static cn.dangjian.member.RuleAssertions.assertRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.dangjian.member.approval.DecidingBody;
import cn.dangjian.member.discipline.DisciplineRules.SanctionWindow;
import cn.dangjian.member.discipline.DisciplineRules.Talker;
import cn.dangjian.member.person.MemberFlag;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DisciplineRulesTest {

  static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);

  private static List<SanctionWindow> sanctioned(SanctionKind kind, Integer years) {
    return List.of(
        new SanctionWindow(
            kind, DECIDED, DisciplineRules.window(kind, DECIDED, years).windowEndsOn()));
  }

  @Test
  void warningBarsPromotionForOneYear() {
    List<SanctionWindow> warning = sanctioned(SanctionKind.WARNING, null);
    assertRule(
        () -> DisciplineRules.checkMayTakePost(warning, DECIDED.plusYears(1).minusDays(1)),
        "sanction-bars-promotion");
    assertThatCode(() -> DisciplineRules.checkMayTakePost(warning, DECIDED.plusYears(1)))
        .doesNotThrowAnyException();
    // a post held before the sanction was decided is not barred retroactively
    assertThatCode(() -> DisciplineRules.checkMayTakePost(warning, DECIDED.minusDays(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void seriousWarningBarsPromotionForEighteenMonths() {
    List<SanctionWindow> serious = sanctioned(SanctionKind.SERIOUS_WARNING, null);
    assertRule(
        () -> DisciplineRules.checkMayTakePost(serious, DECIDED.plusMonths(18).minusDays(1)),
        "sanction-bars-promotion");
    assertThatCode(() -> DisciplineRules.checkMayTakePost(serious, DECIDED.plusMonths(18)))
        .doesNotThrowAnyException();
  }

  @Test
  void removalFromPostBarsAPostForTwoYears() {
    assertThat(DisciplineRules.window(SanctionKind.REMOVAL_FROM_POST, DECIDED, null).windowEndsOn())
        .isEqualTo(DECIDED.plusYears(2));
  }

  @Test
  void disciplinaryProbationRemovesVotingRights() {
    DisciplineRules.Window two =
        DisciplineRules.window(SanctionKind.PROBATION_UNDER_DISCIPLINE, DECIDED, 2);
    // the probation is the DISCIPLINARY_PROBATION flag until its end: no vote, no election
    assertThat(two.probationEndsOn()).isEqualTo(DECIDED.plusYears(2));
    assertThat(MemberFlag.DISCIPLINARY_PROBATION.removesVotingRights()).isTrue();
    // then two more years without an equal or higher post
    assertThat(two.windowEndsOn()).isEqualTo(DECIDED.plusYears(4));
    assertThat(
            DisciplineRules.window(SanctionKind.PROBATION_UNDER_DISCIPLINE, DECIDED, null)
                .probationEndsOn())
        .isEqualTo(DECIDED.plusYears(1));
  }

  @Test
  void disciplinaryProbationLastsOneOrTwoYears() {
    assertRule(
        () ->
            DisciplineRules.checkSanction(
                SanctionKind.PROBATION_UNDER_DISCIPLINE, MemberStage.FULL, MemberStatus.ACTIVE, 3),
        "disciplinary-probation-one-or-two-years");
    assertRule(
        () ->
            DisciplineRules.checkSanction(
                SanctionKind.WARNING, MemberStage.FULL, MemberStatus.ACTIVE, 1),
        "years-only-for-disciplinary-probation");
  }

  @Test
  void probationaryMemberIsNotPutOnDisciplinaryProbation() {
    assertRule(
        () ->
            DisciplineRules.checkSanction(
                SanctionKind.PROBATION_UNDER_DISCIPLINE,
                MemberStage.PROBATIONARY,
                MemberStatus.ACTIVE,
                1),
        "probationary-member-not-put-on-disciplinary-probation");
    assertRule(
        () ->
            DisciplineRules.checkSanction(
                SanctionKind.WARNING, MemberStage.APPLICANT, MemberStatus.ACTIVE, null),
        "only-active-party-members-are-sanctioned");
  }

  @Test
  void sanctionNeedsPrimaryCommitteeApprovalAndExpulsionAlsoTheDisciplineCommission() {
    assertThat(DisciplineRules.decidedBy(SanctionKind.WARNING))
        .containsExactly(DecidingBody.PRIMARY_COMMITTEE);
    assertThat(DisciplineRules.decidedBy(SanctionKind.EXPULSION))
        .containsExactly(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.DISCIPLINE_COMMISSION);
  }

  @Test
  void expulsionBarsReEntryForFiveYears() {
    assertThat(DisciplineRules.window(SanctionKind.EXPULSION, DECIDED, null).windowEndsOn())
        .isEqualTo(DECIDED.plusYears(5));
  }

  @Test
  void memberAlreadySanctionedForTheSameIssueIsNotHandledTwice() {
    assertRule(
        () -> DisciplineRules.checkNotSanctionedForIssue(" dues-2026 ", Set.of("DUES-2026")),
        "already-sanctioned-for-this-issue");
    assertThatCode(
            () -> DisciplineRules.checkNotSanctionedForIssue("APPRAISAL-2026", Set.of("DUES-2026")))
        .doesNotThrowAnyException();
  }

  @Test
  void correctionPeriodAtMostOneYear() {
    assertThat(DisciplineRules.correctionEnd(DECIDED, null)).isEqualTo(DECIDED.plusMonths(6));
    assertThat(DisciplineRules.correctionEnd(DECIDED, 12)).isEqualTo(DECIDED.plusYears(1));
    assertRule(
        () -> DisciplineRules.correctionEnd(DECIDED, 13), "correction-period-at-most-one-year");
  }

  @Test
  void talkNeedsTwoFormalMembers() {
    UUID subject = UUID.randomUUID();
    Talker a = new Talker(UUID.randomUUID(), MemberStage.FULL, MemberStatus.ACTIVE, true);
    Talker b = new Talker(UUID.randomUUID(), MemberStage.FULL, MemberStatus.ACTIVE, true);
    assertThatCode(() -> DisciplineRules.checkTalkers(subject, List.of(a, b)))
        .doesNotThrowAnyException();
    for (List<Talker> wrong :
        List.of(
            List.of(a),
            List.of(a, a),
            List.of(a, new Talker(b.id(), MemberStage.PROBATIONARY, MemberStatus.ACTIVE, true)),
            List.of(a, new Talker(b.id(), MemberStage.FULL, MemberStatus.SUSPENDED, true)),
            List.of(a, new Talker(b.id(), MemberStage.FULL, MemberStatus.ACTIVE, false)),
            List.of(a, new Talker(subject, MemberStage.FULL, MemberStatus.ACTIVE, true)))) {
      assertRule(
          () -> DisciplineRules.checkTalkers(subject, wrong), "talk-needs-two-formal-members");
    }
  }

  @Test
  void lostContactReturnOpensTheProcedureOnlyAfterSixMonths() {
    assertRule(
        () ->
            DisciplineRules.checkTrigger(
                UnqualifiedTrigger.LOST_CONTACT_RETURN, DECIDED, DECIDED.plusMonths(5)),
        "lost-contact-return-needs-six-months");
    assertThatCode(
            () ->
                DisciplineRules.checkTrigger(
                    UnqualifiedTrigger.LOST_CONTACT_RETURN, DECIDED, DECIDED.plusMonths(6)))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> DisciplineRules.checkTrigger(UnqualifiedTrigger.UNQUALIFIED_GRADE, null, null))
        .doesNotThrowAnyException();
  }

  @Test
  void unqualifiedCaseStepsAreTakenInOrder() {
    assertRule(
        () -> DisciplineRules.checkNextStep(CaseStep.PROPOSED, CaseStep.INVESTIGATED, false),
        "unqualified-steps-in-order");
    assertThatCode(() -> DisciplineRules.checkNextStep(CaseStep.PROPOSED, CaseStep.FILED, false))
        .doesNotThrowAnyException();
    assertRule(
        () -> DisciplineRules.checkNextStep(CaseStep.VOTED, CaseStep.DECIDED, true),
        "unqualified-case-closed");
  }

  @Test
  void persuadingToQuitAndStrikingOffArePreReviewedAlsoByTheHigherCommittee() {
    assertThat(DisciplineRules.preReviewedBy(Measure.CORRECTION))
        .containsExactly(DecidingBody.PRIMARY_COMMITTEE);
    assertThat(DisciplineRules.preReviewedBy(Measure.STRIKE_OFF))
        .containsExactly(DecidingBody.PRIMARY_COMMITTEE, DecidingBody.HIGHER_COMMITTEE);
  }

  @Test
  void probationaryMemberCannotBePersuadedToQuit() {
    assertRule(
        () ->
            DisciplineRules.checkMeasure(
                Measure.PERSUADE_TO_QUIT, MemberStage.PROBATIONARY, MemberStatus.ACTIVE),
        "probationary-cannot-be-persuaded-to-quit");
  }

  @Test
  void nextMeasureOnlyAfterTheCorrectionPeriodEndedWithoutImprovement() {
    LocalDate ends = DECIDED.plusMonths(6);
    assertRule(
        () ->
            DisciplineRules.checkNextMeasure(
                Measure.CORRECTION,
                CaseStep.DECIDED,
                false,
                ends,
                Measure.PERSUADE_TO_QUIT,
                ends.minusDays(1)),
        "next-measure-after-correction-period-ended");
    assertThatCode(
            () ->
                DisciplineRules.checkNextMeasure(
                    Measure.CORRECTION,
                    CaseStep.DECIDED,
                    false,
                    ends,
                    Measure.PERSUADE_TO_QUIT,
                    ends))
        .doesNotThrowAnyException();
  }
}
