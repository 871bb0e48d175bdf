package cn.dangjian.orglife.meeting;

import cn.dangjian.events.EventTypes;
import cn.dangjian.orglife.meeting.MeetingRequests.PlanMeeting;
import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.ProjectedOrg;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Planning a meeting (the notice to its expected attendees) and cancelling a planned one. */
@Service
class MeetingPlanning {

  private static final Set<String> BRANCH_TYPES =
      Set.of("BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH");

  private final MeetingAccess access;
  private final Rosters rosters;
  private final MeetingRepository meetings;
  private final AttendanceStore attendance;
  private final MeetingEvents events;
  private final Clock clock;

  MeetingPlanning(
      MeetingAccess access,
      Rosters rosters,
      MeetingRepository meetings,
      AttendanceStore attendance,
      MeetingEvents events,
      Clock clock) {
    this.access = access;
    this.rosters = rosters;
    this.meetings = meetings;
    this.attendance = attendance;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Meeting plan(PlanMeeting r, DataScope scope, String by) {
    ProjectedOrg org = access.writableOrg(r.orgId(), scope);
    checkOrgType(r.type(), org);
    MeetingRules.checkTimes(r.startsAt(), r.endsAt());
    List<Expected> expected =
        rosters.of(r.type(), org, r.expectedMemberIds(), r.startsAt().toLocalDate());
    Meeting m =
        new Meeting(
            org.orgId(),
            org.path(),
            parentPath(org.path()),
            org.orgType(),
            r.type(),
            r.title().strip(),
            r.startsAt(),
            r.endsAt(),
            Text.orNull(r.place()),
            Text.orNull(r.notice()),
            Text.orNull(r.agenda()),
            by,
            clock.instant());
    m.setExpectedCount(expected.size());
    meetings.save(m);
    attendance.insert(
        m.getId(),
        expected.stream()
            .map(e -> new AttendanceRow(e.memberId(), true, e.canVote(), null, null, false, null))
            .toList());
    events.notice(
        EventTypes.ORGLIFE_MEETING_PLANNED, m, expected.stream().map(Expected::memberId).toList());
    return m;
  }

  @Transactional
  public Meeting cancel(UUID id, long version, DataScope scope) {
    Meeting m = access.writable(id, version, scope);
    m.moveTo(MeetingStatus.CANCELLED, clock.instant());
    List<UUID> expected =
        attendance.of(id).stream()
            .filter(AttendanceRow::expected)
            .map(AttendanceRow::memberId)
            .toList();
    events.notice(EventTypes.ORGLIFE_MEETING_CANCELLED, m, expected);
    return m;
  }

  /** 党小组会 are held by party groups, every other meeting by a branch. */
  private static void checkOrgType(MeetingType type, ProjectedOrg org) {
    boolean ok =
        type == MeetingType.GROUP_MEETING
            ? "PARTY_GROUP".equals(org.orgType())
            : BRANCH_TYPES.contains(org.orgType());
    if (!ok) {
      throw ProblemException.businessRule(
          "meeting-type-not-held-by-this-org", "meeting.rule.type-not-for-org", type.label());
    }
  }

  /** The path of the org's parent (the siblings' common prefix the duplicate check compares). */
  static String parentPath(String path) {
    String trimmed = path.substring(0, path.length() - 1);
    int cut = trimmed.lastIndexOf('/');
    return cut <= 0 ? path : trimmed.substring(0, cut + 1);
  }
}
