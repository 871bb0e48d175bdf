package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.meeting.MeetingRequests.Absentee;
import cn.dangjian.orglife.meeting.MeetingRequests.RecordMeeting;
import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedMember;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who was at a recorded meeting, checked against its expected roster: the attendance rows (present,
 * absent with a reason, guests) and the vote base its resolutions are counted against. No Spring.
 *
 * @param entitled expected attendees with voting rights
 * @param excluded of those, absentees left out of the base with higher approval
 * @param presentVoters of those, the ones present
 */
record RecordedAttendance(
    List<AttendanceRow> rows,
    int expectedCount,
    int presentCount,
    int entitled,
    int excluded,
    int presentVoters) {

  /**
   * Checks the record's attendance: everyone expected is present or absent, guests are admitted
   * members who were not expected, and the host and recorder were there.
   *
   * @param members looks a guest up in the member register
   */
  static RecordedAttendance of(
      List<Expected> expected, RecordMeeting r, Function<UUID, Optional<ProjectedMember>> members) {
    List<UUID> absentIds = r.absentees().stream().map(Absentee::memberId).toList();
    MeetingRules.checkAttendance(
        expected.stream().map(Expected::memberId).toList(), r.attendees(), absentIds);
    Map<UUID, Expected> byId =
        expected.stream().collect(Collectors.toMap(Expected::memberId, Function.identity()));
    Set<UUID> present = new HashSet<>(r.attendees());
    List<AttendanceRow> rows = new ArrayList<>();
    for (Expected e : expected) {
      if (present.contains(e.memberId())) {
        rows.add(new AttendanceRow(e.memberId(), true, e.canVote(), true, null, false, null));
      }
    }
    for (Absentee a : r.absentees()) {
      rows.add(
          new AttendanceRow(
              a.memberId(),
              true,
              byId.get(a.memberId()).canVote(),
              false,
              a.reason(),
              a.excluded(),
              Text.orNull(a.note())));
    }
    Set<UUID> guests = new LinkedHashSet<>(r.guests() == null ? List.of() : r.guests());
    for (UUID g : guests) {
      rows.add(guest(g, byId, members));
    }
    Set<UUID> attending = new HashSet<>(present);
    attending.addAll(guests);
    if (!attending.contains(r.hostMemberId()) || !attending.contains(r.recorderMemberId())) {
      throw ProblemException.businessRule(
          "host-and-recorder-attend", "meeting.rule.host-and-recorder-attend");
    }
    int entitled = (int) expected.stream().filter(Expected::canVote).count();
    int excluded =
        (int)
            r.absentees().stream()
                .filter(a -> a.excluded() && byId.get(a.memberId()).canVote())
                .count();
    int presentVoters =
        (int) expected.stream().filter(e -> e.canVote() && present.contains(e.memberId())).count();
    return new RecordedAttendance(
        rows, expected.size(), present.size(), entitled, excluded, presentVoters);
  }

  /**
   * A 支委会 counts the committee's seats on the meeting date (ZB Art 12: more than half of the
   * committee members), not whoever was invited: an invitee who does not sit on it (列席) attends
   * without a vote and without counting toward presence. With the members unknown (a report from
   * before member-service named them) the seats are the base and the voters present count, at most
   * the seats.
   *
   * @param committee who sat on the committee that day, or null when unknown
   */
  RecordedAttendance onCommittee(int seats, Set<UUID> committee) {
    if (seats <= 0) {
      return this;
    }
    if (committee == null) {
      return new RecordedAttendance(
          rows,
          expectedCount,
          presentCount,
          seats,
          Math.min(excluded, seats),
          Math.min(presentVoters, seats));
    }
    List<AttendanceRow> counted = new ArrayList<>();
    int present = 0;
    int left = 0;
    for (AttendanceRow r : rows) {
      boolean sits = committee.contains(r.memberId());
      boolean votes = r.expected() && r.canVote() && sits;
      if (votes && Boolean.TRUE.equals(r.present())) {
        present++;
      }
      if (votes && Boolean.FALSE.equals(r.present()) && r.excludedFromBase()) {
        left++;
      }
      counted.add(
          r.expected() && !sits
              ? new AttendanceRow(
                  r.memberId(),
                  true,
                  false,
                  r.present(),
                  r.absenceReason(),
                  r.excludedFromBase(),
                  r.note())
              : r);
    }
    return new RecordedAttendance(counted, expectedCount, presentCount, seats, left, present);
  }

  /** A guest (列席) attends without a vote; an expected attendee cannot also be one. */
  private static AttendanceRow guest(
      UUID g, Map<UUID, Expected> expected, Function<UUID, Optional<ProjectedMember>> members) {
    if (expected.containsKey(g)) {
      throw ProblemException.businessRule(
          "guest-is-an-expected-attendee", "meeting.rule.guest-is-expected", g);
    }
    ProjectedMember pm =
        members
            .apply(g)
            .filter(x -> x.active() && x.admitted())
            .orElseThrow(
                () ->
                    ProblemException.businessRule(
                        "guest-is-not-a-member", "meeting.rule.guest-not-member", g));
    return new AttendanceRow(pm.memberId(), false, false, true, null, false, null);
  }
}
