package cn.dangjian.orglife.meeting;

import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.vote.MeetingVote;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The rules of a meeting's lifecycle and record (DOMAIN.md §4.1, §4.3, §4.4). No Spring. */
public final class MeetingRules {

  /** Rule id reported when a resolution has no majority of those entitled to vote. */
  public static final String RESOLUTION_MAJORITY =
      "resolution-needs-more-than-half-of-entitled-members";

  static final Duration LONGEST_MEETING = Duration.ofHours(24);

  private static final Map<MeetingStatus, Set<MeetingStatus>> NEXT =
      Map.of(
          MeetingStatus.PLANNED, EnumSet.of(MeetingStatus.HELD, MeetingStatus.CANCELLED),
          MeetingStatus.HELD, EnumSet.of(MeetingStatus.HELD, MeetingStatus.SUBMITTED),
          MeetingStatus.RETURNED, EnumSet.of(MeetingStatus.HELD, MeetingStatus.SUBMITTED),
          MeetingStatus.SUBMITTED, EnumSet.of(MeetingStatus.APPROVED, MeetingStatus.RETURNED),
          MeetingStatus.APPROVED, EnumSet.of(MeetingStatus.ARCHIVED, MeetingStatus.SUBMITTED),
          MeetingStatus.ARCHIVED, EnumSet.of(MeetingStatus.SUBMITTED),
          MeetingStatus.CANCELLED, EnumSet.noneOf(MeetingStatus.class));

  private MeetingRules() {}

  /** One expected attendee: probationary members attend but do not vote. */
  public record Expected(UUID memberId, boolean canVote) {}

  /** Throws unless {@code from → to} is a step of the lifecycle. */
  public static void checkTransition(MeetingStatus from, MeetingStatus to) {
    if (!NEXT.getOrDefault(from, Set.of()).contains(to)) {
      throw ProblemException.businessRule(
          "meeting-status-does-not-allow-this-step",
          "meeting.rule.transition",
          from.label(),
          to.label());
    }
  }

  /**
   * Who is expected at a branch-wide meeting: the org's active admitted members who had joined the
   * Party by the meeting date.
   */
  public static List<Expected> expectedAttendees(
      Collection<ProjectedMember> members, LocalDate meetingDate) {
    List<Expected> expected = new ArrayList<>();
    for (ProjectedMember m : members) {
      if (eligibleOn(m, meetingDate)) {
        expected.add(new Expected(m.memberId(), m.hasVotingRights()));
      }
    }
    return expected;
  }

  /**
   * Whether the member, now in the org, was an admitted active member on the date. The projection's
   * {@code orgSince} is the day member-service registered the person (not when the relationship
   * began) for everyone who was not transferred, so it cannot gate earlier meetings: only the join
   * date does.
   */
  public static boolean eligibleOn(ProjectedMember m, LocalDate date) {
    return m.active() && m.admitted() && (m.joinDate() == null || !m.joinDate().isAfter(date));
  }

  /**
   * A named roster (支委会, 党小组会): every named person must be an eligible member of the branch on the
   * meeting date; none twice.
   */
  public static List<Expected> namedRoster(
      List<UUID> named, Map<UUID, ProjectedMember> branchMembers, LocalDate meetingDate) {
    if (named == null || named.isEmpty()) {
      throw ProblemException.businessRule(
          "named-roster-required", "meeting.rule.named-roster-required");
    }
    Set<UUID> seen = new HashSet<>();
    List<Expected> expected = new ArrayList<>();
    for (UUID id : named) {
      if (!seen.add(id)) {
        throw ProblemException.businessRule(
            "attendee-listed-twice", "meeting.rule.attendee-listed-twice", id);
      }
      ProjectedMember m = branchMembers.get(id);
      if (m == null || !eligibleOn(m, meetingDate)) {
        throw ProblemException.businessRule(
            "attendee-not-a-member-of-the-branch", "meeting.rule.attendee-not-in-branch", id);
      }
      expected.add(new Expected(id, m.hasVotingRights()));
    }
    return expected;
  }

  /** A meeting ends after it starts and lasts at most a day. */
  public static void checkTimes(LocalDateTime startsAt, LocalDateTime endsAt) {
    if (!endsAt.isAfter(startsAt)) {
      throw ProblemException.businessRule(
          "meeting-must-end-after-it-starts", "meeting.rule.ends-after-starts");
    }
    if (Duration.between(startsAt, endsAt).compareTo(LONGEST_MEETING) > 0) {
      throw ProblemException.businessRule(
          "meeting-lasts-at-most-a-day", "meeting.rule.at-most-a-day");
    }
  }

  /** A record is of a meeting that has happened: it cannot start in the future. */
  public static void checkHeld(LocalDateTime startsAt, LocalDateTime now) {
    if (startsAt.isAfter(now)) {
      throw ProblemException.businessRule(
          "record-of-a-future-meeting", "meeting.rule.record-in-future");
    }
  }

  /** Theme for 主题党日, lecturer and topic for 党课. */
  public static void checkTypeFields(
      MeetingType type, String theme, String lecturer, String topic) {
    if (type == MeetingType.THEMED_PARTY_DAY && blank(theme)) {
      throw ProblemException.businessRule(
          "themed-party-day-needs-a-theme", "meeting.rule.theme-required");
    }
    if (type == MeetingType.PARTY_LECTURE && (blank(lecturer) || blank(topic))) {
      throw ProblemException.businessRule(
          "party-lecture-needs-lecturer-and-topic", "meeting.rule.lecture-fields-required");
    }
  }

  /**
   * Attendees and absentees split the expected attendees exactly: everyone expected is either
   * present or absent with a reason, nobody twice, nobody unknown.
   */
  public static void checkAttendance(
      Collection<UUID> expected, Collection<UUID> present, Collection<UUID> absent) {
    Set<UUID> seen = new HashSet<>();
    for (UUID id : present) {
      if (!seen.add(id)) {
        throw ProblemException.businessRule(
            "attendee-listed-twice", "meeting.rule.attendee-listed-twice", id);
      }
    }
    for (UUID id : absent) {
      if (!seen.add(id)) {
        throw ProblemException.businessRule(
            "attendee-listed-twice", "meeting.rule.attendee-listed-twice", id);
      }
    }
    Set<UUID> expectedSet = new HashSet<>(expected);
    for (UUID id : seen) {
      if (!expectedSet.contains(id)) {
        throw ProblemException.businessRule(
            "attendee-not-expected", "meeting.rule.attendee-not-expected", id);
      }
    }
    if (seen.size() != expectedSet.size()) {
      throw ProblemException.businessRule(
          "attendance-must-cover-every-expected-attendee",
          "meeting.rule.attendance-incomplete",
          expectedSet.size() - seen.size());
    }
  }

  /** Only meetings that decide (党员大会, 支委会, 民主评议) adopt resolutions. */
  public static void checkResolutionsAllowed(MeetingType type, int resolutions) {
    if (resolutions > 0 && !type.votes()) {
      throw ProblemException.businessRule(
          "meeting-type-adopts-no-resolutions",
          "meeting.rule.no-resolutions-for-type",
          type.label());
    }
  }

  /**
   * A resolution's vote: presence strictly more than half of those with voting rights, approvals
   * strictly more than half of them (MeetingVote, shared with member-service).
   */
  public static MeetingVote checkVote(
      int entitled, int excluded, int presentVoters, int approve, int oppose, int abstain) {
    MeetingVote vote =
        new MeetingVote(entitled, excluded, presentVoters, approve, oppose, abstain, 0);
    vote.check(RESOLUTION_MAJORITY);
    return vote;
  }

  /**
   * 学时 of a 党课 (DOMAIN.md §5: 1 hour = 1, half day = 4, full day = 8): the length in whole half
   * hours, at most 8 — in tenths of an hour.
   */
  public static int lectureTenths(LocalDateTime startsAt, LocalDateTime endsAt) {
    long halfHours = Duration.between(startsAt, endsAt).toMinutes() / 30;
    return (int) Math.min(80, halfHours * 5);
  }

  /**
   * Review by the superior org: the reviewer's scope covers the meeting's org but the reviewer does
   * not belong to that org itself, and did not record or submit the record.
   */
  public static void checkReviewer(
      boolean platformWide,
      String reviewerOrgPath,
      String meetingOrgPath,
      String reviewer,
      String recordedBy,
      String submittedBy) {
    boolean superior =
        platformWide
            || (reviewerOrgPath != null
                && meetingOrgPath.startsWith(reviewerOrgPath)
                && !meetingOrgPath.equals(reviewerOrgPath));
    if (!superior) {
      throw ProblemException.businessRule(
          "review-by-the-superior-org", "meeting.rule.review-by-superior");
    }
    if (reviewer.equals(recordedBy) || reviewer.equals(submittedBy)) {
      throw ProblemException.businessRule(
          "reviewer-is-not-the-recorder", "meeting.rule.reviewer-not-recorder");
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
