package cn.dangjian.orglife.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MeetingRulesTest {

  private static final LocalDate MEETING = LocalDate.of(2026, 11, 20);

  private static ProjectedMember member(
      String stage, String status, LocalDate join, String... flags) {
    return new ProjectedMember(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "/a/",
        stage,
        status,
        "EMPLOYED",
        join,
        "FULL".equals(stage) ? join.plusYears(1) : null,
        Set.of(flags),
        join,
        join);
  }

  private static void assertRule(ThrowingCallable call, String rule) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.properties()).containsEntry("rule", rule));
  }

  @Test
  void probationaryMembersAreExpectedButHaveNoVote() {
    ProjectedMember full = member("FULL", "ACTIVE", LocalDate.of(2010, 1, 1));
    ProjectedMember probationary = member("PROBATIONARY", "ACTIVE", LocalDate.of(2026, 3, 1));
    ProjectedMember underProbation =
        member("FULL", "ACTIVE", LocalDate.of(2010, 1, 1), "DISCIPLINARY_PROBATION");
    var expected =
        MeetingRules.expectedAttendees(List.of(full, probationary, underProbation), MEETING);
    assertThat(expected)
        .containsExactly(
            new MeetingRules.Expected(full.memberId(), true),
            new MeetingRules.Expected(probationary.memberId(), false),
            new MeetingRules.Expected(underProbation.memberId(), false));
  }

  @Test
  void membersWhoJoinedAfterTheMeetingDateOrAreNotActiveAreNotExpected() {
    ProjectedMember later = member("FULL", "ACTIVE", LocalDate.of(2026, 11, 21));
    ProjectedMember suspended = member("FULL", "SUSPENDED", LocalDate.of(2010, 1, 1));
    ProjectedMember activist = member("ACTIVIST", "ACTIVE", LocalDate.of(2010, 1, 1));
    assertThat(MeetingRules.expectedAttendees(List.of(later, suspended, activist), MEETING))
        .isEmpty();
  }

  @Test
  void quorumIsStrictlyMoreThanHalfOfThoseWithVotingRights() {
    // 4 voters: 2 present is exactly half — not enough
    assertRule(
        () -> MeetingRules.checkVote(4, 0, 2, 2, 0, 0), "meeting-needs-more-than-half-present");
    assertThatCode(() -> MeetingRules.checkVote(4, 0, 3, 3, 0, 0)).doesNotThrowAnyException();
  }

  @Test
  void majorityBaseIsThoseEntitledNotThosePresent() {
    // 7 entitled, 4 present, 3 approve: 3 of 4 present, but not more than 3.5
    assertRule(() -> MeetingRules.checkVote(7, 0, 4, 3, 1, 0), MeetingRules.RESOLUTION_MAJORITY);
    assertThatCode(() -> MeetingRules.checkVote(7, 0, 4, 4, 0, 0)).doesNotThrowAnyException();
  }

  @Test
  void membersExcludedWithApprovalLeaveTheBase() {
    // 7 entitled, 2 excluded (long illness): base 5, 3 present, 3 approve
    assertThatCode(() -> MeetingRules.checkVote(7, 2, 3, 3, 0, 0)).doesNotThrowAnyException();
  }

  @Test
  void voteCountsCannotExceedThosePresent() {
    assertRule(() -> MeetingRules.checkVote(5, 0, 3, 3, 1, 0), "vote-counts-inconsistent");
  }

  @Test
  void attendeesAndAbsenteesSplitTheExpectedExactly() {
    UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID();
    assertThatCode(() -> MeetingRules.checkAttendance(List.of(a, b, c), List.of(a, b), List.of(c)))
        .doesNotThrowAnyException();
    assertRule(
        () -> MeetingRules.checkAttendance(List.of(a, b, c), List.of(a), List.of(c)),
        "attendance-must-cover-every-expected-attendee");
    assertRule(
        () -> MeetingRules.checkAttendance(List.of(a, b), List.of(a, b), List.of(a)),
        "attendee-listed-twice");
    assertRule(
        () -> MeetingRules.checkAttendance(List.of(a), List.of(a, c), List.of()),
        "attendee-not-expected");
  }

  @Test
  void aNamedRosterOnlyHoldsMembersOfTheBranch() {
    ProjectedMember inBranch = member("FULL", "ACTIVE", LocalDate.of(2010, 1, 1));
    assertRule(
        () ->
            MeetingRules.namedRoster(
                List.of(inBranch.memberId(), UUID.randomUUID()),
                Map.of(inBranch.memberId(), inBranch),
                MEETING),
        "attendee-not-a-member-of-the-branch");
  }

  @Test
  void themedPartyDayNeedsAThemeAndLectureNeedsLecturerAndTopic() {
    assertRule(
        () -> MeetingRules.checkTypeFields(MeetingType.THEMED_PARTY_DAY, " ", null, null),
        "themed-party-day-needs-a-theme");
    assertRule(
        () -> MeetingRules.checkTypeFields(MeetingType.PARTY_LECTURE, null, "张书记", null),
        "party-lecture-needs-lecturer-and-topic");
  }

  @Test
  void onlyDecidingMeetingsAdoptResolutions() {
    assertRule(
        () -> MeetingRules.checkResolutionsAllowed(MeetingType.PARTY_LECTURE, 1),
        "meeting-type-adopts-no-resolutions");
    assertThatCode(() -> MeetingRules.checkResolutionsAllowed(MeetingType.COMMITTEE_MEETING, 1))
        .doesNotThrowAnyException();
  }

  @Test
  void lifecycleStepsFollowPlannedHeldSubmittedApprovedArchived() {
    MeetingRules.checkTransition(MeetingStatus.PLANNED, MeetingStatus.HELD);
    MeetingRules.checkTransition(MeetingStatus.SUBMITTED, MeetingStatus.RETURNED);
    MeetingRules.checkTransition(MeetingStatus.APPROVED, MeetingStatus.ARCHIVED);
    assertRule(
        () -> MeetingRules.checkTransition(MeetingStatus.PLANNED, MeetingStatus.APPROVED),
        "meeting-status-does-not-allow-this-step");
    assertRule(
        () -> MeetingRules.checkTransition(MeetingStatus.CANCELLED, MeetingStatus.HELD),
        "meeting-status-does-not-allow-this-step");
  }

  @Test
  void reviewIsByASuperiorOrgAndNotByTheRecorder() {
    String branch = "/county/town/branch/";
    assertRule(
        () -> MeetingRules.checkReviewer(false, branch, branch, "sec", "worker", "worker"),
        "review-by-the-superior-org");
    assertRule(
        () -> MeetingRules.checkReviewer(false, "/county/other/", branch, "x", "w", "w"),
        "review-by-the-superior-org");
    assertRule(
        () -> MeetingRules.checkReviewer(false, "/county/town/", branch, "w", "w", "w"),
        "reviewer-is-not-the-recorder");
    assertThatCode(
            () -> MeetingRules.checkReviewer(false, "/county/town/", branch, "boss", "w", "w"))
        .doesNotThrowAnyException();
  }

  @Test
  void aRecordCannotBeOfAFutureMeetingAndAMeetingLastsAtMostADay() {
    LocalDateTime now = LocalDateTime.of(2026, 11, 20, 10, 0);
    assertRule(() -> MeetingRules.checkHeld(now.plusHours(1), now), "record-of-a-future-meeting");
    assertRule(
        () -> MeetingRules.checkTimes(now, now.plusHours(25)), "meeting-lasts-at-most-a-day");
    assertRule(() -> MeetingRules.checkTimes(now, now), "meeting-must-end-after-it-starts");
  }

  @Test
  void lectureHoursAreWholeHalfHoursCappedAtEight() {
    LocalDateTime s = LocalDateTime.of(2026, 11, 20, 9, 0);
    assertThat(MeetingRules.lectureTenths(s, s.plusMinutes(100))).isEqualTo(15);
    assertThat(MeetingRules.lectureTenths(s, s.plusHours(10))).isEqualTo(80);
  }
}
