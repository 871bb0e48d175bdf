package cn.dangjian.member.development;

import static cn.dangjian.member.development.DevelopmentStep.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dangjian.member.development.DevelopmentRecord.Decision;
import cn.dangjian.member.development.DevelopmentRules.Outcome;
import cn.dangjian.member.person.MemberStage;
import cn.dangjian.member.person.MemberStatus;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DevelopmentRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final LocalDate BIRTH = LocalDate.of(1995, 5, 1);
  final List<DevelopmentRecord> history = new ArrayList<>();

  private void done(DevelopmentStep step, String on) {
    done(step, on, null, null, null);
  }

  private void done(
      DevelopmentStep step, String on, Integer hours, Decision decision, LocalDate until) {
    history.add(
        new DevelopmentRecord(
            UUID.randomUUID(),
            step,
            LocalDate.parse(on),
            "t",
            null,
            List.of(),
            hours,
            decision,
            until,
            null,
            Instant.now()));
  }

  private static DevelopmentRules.Request request(
      MemberStage stage, LocalDate join, DevelopmentStep step, String on) {
    return new DevelopmentRules.Request(
        stage, BIRTH, join, step, LocalDate.parse(on), 0, true, null, null, null, null);
  }

  private String rule(DevelopmentRules.Request request) {
    try {
      DevelopmentRules.check(request, history, TODAY);
      return null;
    } catch (ProblemException e) {
      return (String) e.properties().get("rule");
    }
  }

  @Test
  void applicantMustBeEighteen() {
    DevelopmentRules.Request minor =
        new DevelopmentRules.Request(
            MemberStage.APPLICANT,
            LocalDate.of(2009, 1, 1),
            null,
            APPLICATION,
            LocalDate.parse("2026-11-01"),
            0,
            true,
            null,
            null,
            null,
            null);
    assertThat(rule(minor)).isEqualTo("applicant-must-be-eighteen");
  }

  @Test
  void talkWithinOneMonthOfTheApplication() {
    done(APPLICATION, "2026-01-10");
    assertThat(rule(request(MemberStage.APPLICANT, null, TALK, "2026-02-11")))
        .isEqualTo("talk-within-one-month");
    assertThat(rule(request(MemberStage.APPLICANT, null, TALK, "2026-02-10"))).isNull();
  }

  @Test
  void lateTalkIsAcceptedOnlyWithSuperiorApproval() {
    done(APPLICATION, "2026-01-10");
    DevelopmentRules.Request late = request(MemberStage.APPLICANT, null, TALK, "2026-03-01");
    assertThat(rule(late)).isEqualTo("talk-within-one-month");
    // with the 党委's approval of a late record the deadline is not enforced…
    DevelopmentRules.check(late, history, TODAY, true);
    assertThat(DevelopmentRules.DEADLINE_RULES).contains("talk-within-one-month");
  }

  @Test
  void aLateRecordNeverWaivesAWaitingPeriod() {
    done(APPLICATION, "2024-01-10");
    done(TALK, "2024-01-20");
    done(ACTIVIST_CONFIRMED, "2025-03-01");
    try {
      DevelopmentRules.check(
          request(MemberStage.ACTIVIST, null, TARGET_CONFIRMED, "2026-02-28"),
          history,
          TODAY,
          true);
      throw new AssertionError("a waiting period was waived");
    } catch (ProblemException e) {
      assertThat(e.properties())
          .containsEntry("rule", "activist-needs-one-year-before-becoming-target");
    }
  }

  @Test
  void approvedLateRecordIsNotFlaggedAsBackfill() {
    java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
    java.time.Instant recorded = LocalDate.of(2026, 3, 15).atStartOfDay(zone).toInstant();
    assertThat(DevelopmentRules.suspectedBackfill(LocalDate.of(2026, 2, 1), recorded, zone, false))
        .isTrue();
    assertThat(DevelopmentRules.suspectedBackfill(LocalDate.of(2026, 2, 1), recorded, zone, true))
        .isFalse();
    assertThat(DevelopmentRules.suspectedBackfill(LocalDate.of(2026, 3, 1), recorded, zone, false))
        .isFalse();
  }

  @Test
  void activistNeedsOneYearBeforeBecomingTarget() {
    done(APPLICATION, "2024-01-10");
    done(TALK, "2024-01-20");
    done(ACTIVIST_CONFIRMED, "2025-03-01");
    assertThat(rule(request(MemberStage.ACTIVIST, null, TARGET_CONFIRMED, "2026-02-28")))
        .isEqualTo("activist-needs-one-year-before-becoming-target");
    assertThat(rule(request(MemberStage.ACTIVIST, null, TARGET_CONFIRMED, "2026-03-01"))).isNull();
  }

  @Test
  void introducersAreTwoFullMembers() {
    DevelopmentRules.Request one =
        new DevelopmentRules.Request(
            MemberStage.DEVELOPMENT_TARGET,
            BIRTH,
            null,
            INTRODUCERS_ASSIGNED,
            LocalDate.parse("2026-05-01"),
            1,
            true,
            null,
            null,
            null,
            null);
    DevelopmentRules.Request notFull =
        new DevelopmentRules.Request(
            MemberStage.DEVELOPMENT_TARGET,
            BIRTH,
            null,
            INTRODUCERS_ASSIGNED,
            LocalDate.parse("2026-05-01"),
            2,
            false,
            null,
            null,
            null,
            null);
    assertThat(rule(one)).isEqualTo("two-full-member-introducers");
    assertThat(rule(notFull)).isEqualTo("two-full-member-introducers");
  }

  private void readyForAdmissionMeeting(int trainingHours, Decision review) {
    done(INTRODUCERS_ASSIGNED, "2026-03-01");
    done(POLITICAL_REVIEW, "2026-03-10", null, review, null);
    done(INTENSIVE_TRAINING, "2026-03-20", trainingHours, null, null);
    done(COMMITTEE_REVIEW, "2026-04-01");
    done(PRE_REVIEW, "2026-04-10");
    done(APPLICATION_FORM, "2026-04-15");
  }

  private static DevelopmentRules.Request admission(MeetingVote vote) {
    return new DevelopmentRules.Request(
        MemberStage.DEVELOPMENT_TARGET,
        BIRTH,
        null,
        ADMISSION_MEETING,
        LocalDate.parse("2026-05-01"),
        0,
        true,
        null,
        null,
        null,
        vote);
  }

  @Test
  void targetWithoutTwentyFourTrainingHoursIsNotAdmitted() {
    readyForAdmissionMeeting(16, Decision.PASSED);
    assertThat(rule(admission(new MeetingVote(10, 0, 8, 8, 0, 0, 0))))
        .isEqualTo("target-needs-24-training-hours");
  }

  @Test
  void noAdmissionWithoutAPassedPoliticalReview() {
    readyForAdmissionMeeting(24, Decision.FAILED);
    assertThat(rule(admission(new MeetingVote(10, 0, 8, 8, 0, 0, 0))))
        .isEqualTo("political-review-must-pass");
  }

  @Test
  void admissionMeetingNeedsAValidVote() {
    readyForAdmissionMeeting(24, Decision.PASSED);
    assertThat(rule(admission(null))).isEqualTo("vote-required");
    assertThat(rule(admission(new MeetingVote(10, 0, 6, 5, 1, 0, 0))))
        .isEqualTo("admission-vote-needs-more-than-half-of-entitled-members");
    assertThat(rule(admission(new MeetingVote(10, 0, 8, 7, 1, 0, 0)))).isNull();
  }

  @Test
  void approvalWithinThreeMonthsStartsProbationOnTheMeetingDay() {
    done(ADMISSION_MEETING, "2026-05-01");
    assertThat(
            rule(request(MemberStage.DEVELOPMENT_TARGET, null, ADMISSION_APPROVED, "2026-08-02")))
        .isEqualTo("admission-approval-within-three-months");
    Outcome outcome =
        DevelopmentRules.check(
            request(MemberStage.DEVELOPMENT_TARGET, null, ADMISSION_APPROVED, "2026-07-20"),
            history,
            TODAY);
    assertThat(outcome.stage()).isEqualTo(MemberStage.PROBATIONARY);
    assertThat(outcome.joinDate()).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(DevelopmentRules.expected(history, outcome.joinDate()).step())
        .isEqualTo(ADMISSION_APPROVED);
  }

  private DevelopmentRules.Request conversion(String on, Decision decision, LocalDate until) {
    return new DevelopmentRules.Request(
        MemberStage.PROBATIONARY,
        BIRTH,
        LocalDate.parse("2025-05-01"),
        CONVERSION_MEETING,
        LocalDate.parse(on),
        0,
        true,
        null,
        decision,
        until,
        new MeetingVote(10, 0, 8, 8, 0, 0, 0));
  }

  @Test
  void fullMembershipIsDiscussedOnlyAfterOneYearOfProbation() {
    done(CONVERSION_APPLICATION, "2026-04-20");
    assertThat(rule(conversion("2026-04-30", Decision.CONVERT, null)))
        .isEqualTo("probation-not-over");
    assertThat(rule(conversion("2026-05-02", Decision.CONVERT, null))).isNull();
  }

  @Test
  void partyStandingCountsFromTheEndOfProbationNotTheApprovalDay() {
    done(CONVERSION_APPLICATION, "2026-04-20");
    done(CONVERSION_MEETING, "2026-05-05", null, Decision.CONVERT, null);
    Outcome outcome =
        DevelopmentRules.check(
            new DevelopmentRules.Request(
                MemberStage.PROBATIONARY,
                BIRTH,
                LocalDate.parse("2025-05-01"),
                CONVERSION_APPROVED,
                LocalDate.parse("2026-07-01"),
                0,
                true,
                null,
                null,
                null,
                null),
            history,
            TODAY);
    assertThat(outcome.stage()).isEqualTo(MemberStage.FULL);
    assertThat(outcome.fullMemberDate()).isEqualTo(LocalDate.of(2026, 5, 1));
  }

  @Test
  void probationIsExtendedOnceBySixToTwelveMonths() {
    done(CONVERSION_APPLICATION, "2026-04-20");
    assertThat(rule(conversion("2026-05-05", Decision.EXTEND, LocalDate.parse("2026-09-01"))))
        .isEqualTo("extension-six-to-twelve-months");
    done(CONVERSION_MEETING, "2026-05-05", null, Decision.EXTEND, LocalDate.parse("2026-11-01"));
    assertThat(DevelopmentRules.expected(history, LocalDate.parse("2025-05-01")).dueOn())
        .isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(rule(conversion("2026-11-10", Decision.EXTEND, LocalDate.parse("2027-06-01"))))
        .isEqualTo("probation-extended-only-once");
    assertThat(rule(conversion("2026-11-10", Decision.CONVERT, null))).isNull();
  }

  @Test
  void cancelledProbationEndsInCancelledStatusAfterApproval() {
    done(CONVERSION_APPLICATION, "2026-04-20");
    done(CONVERSION_MEETING, "2026-05-05", null, Decision.CANCEL, null);
    Outcome outcome =
        DevelopmentRules.check(
            new DevelopmentRules.Request(
                MemberStage.PROBATIONARY,
                BIRTH,
                LocalDate.parse("2025-05-01"),
                CONVERSION_APPROVED,
                LocalDate.parse("2026-06-01"),
                0,
                true,
                null,
                null,
                null,
                null),
            history,
            TODAY);
    assertThat(outcome.status()).isEqualTo(MemberStatus.PROBATION_CANCELLED);
  }

  @Test
  void stepsFollowTheStageTheyBelongTo() {
    assertThat(rule(request(MemberStage.APPLICANT, null, TARGET_CONFIRMED, "2026-01-01")))
        .isEqualTo("step-needs-stage");
  }

  @Test
  void aStepIsRecordedOnce() {
    done(APPLICATION, "2026-01-10");
    assertThat(rule(request(MemberStage.APPLICANT, null, APPLICATION, "2026-01-11")))
        .isEqualTo("step-already-recorded");
  }
}
