package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Who is expected at a meeting on a date, from the member register (DOMAIN.md §4.1). */
@Component
class Rosters {

  private final MemberProjection projection;
  private final AttendanceStore attendance;

  Rosters(MemberProjection projection, AttendanceStore attendance) {
    this.projection = projection;
    this.attendance = attendance;
  }

  /**
   * The roster when a meeting is recorded: the one named at planning re-checked against the
   * register on the meeting date, or the branch's members on that date.
   */
  List<Expected> forRecord(Meeting m, ProjectedOrg org, LocalDate date) {
    if (!m.getType().namedRoster()) {
      return of(m.getType(), org, null, date);
    }
    List<UUID> named =
        attendance.of(m.getId()).stream()
            .filter(AttendanceRow::expected)
            .map(AttendanceRow::memberId)
            .toList();
    return of(m.getType(), org, named, date);
  }

  /**
   * A named roster (支委会, 党小组会) is checked person by person; any other comes from the register and
   * names nobody. A party group's members are found in its branch.
   */
  List<Expected> of(MeetingType type, ProjectedOrg org, List<UUID> named, LocalDate date) {
    boolean group = "PARTY_GROUP".equals(org.orgType());
    List<ProjectedMember> members = projection.membersOf(group ? org.parentId() : org.orgId());
    List<Expected> expected;
    if (type.namedRoster()) {
      expected =
          MeetingRules.namedRoster(
              named,
              members.stream()
                  .collect(Collectors.toMap(ProjectedMember::memberId, Function.identity())),
              date);
    } else {
      if (named != null && !named.isEmpty()) {
        throw ProblemException.businessRule(
            "roster-comes-from-the-register", "meeting.rule.roster-from-register", type.label());
      }
      expected = MeetingRules.expectedAttendees(members, date);
    }
    if (expected.isEmpty()) {
      throw ProblemException.businessRule(
          "meeting-has-no-expected-attendees", "meeting.rule.no-expected-attendees");
    }
    return expected;
  }
}
