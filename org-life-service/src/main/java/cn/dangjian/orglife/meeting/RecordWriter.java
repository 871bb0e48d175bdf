package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.OrgLifeProperties;
import cn.dangjian.orglife.directory.CommitteeDirectory;
import cn.dangjian.orglife.formalism.MinHash;
import cn.dangjian.orglife.meeting.MeetingRequests.RecordMeeting;
import cn.dangjian.orglife.meeting.MeetingRequests.ResolutionInput;
import cn.dangjian.orglife.meeting.MeetingRequests.ResolutionView;
import cn.dangjian.orglife.meeting.MeetingRules.Expected;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedOrg;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes what happened at a meeting (a first record, a re-record before submission, or a
 * correction): the checked fields, the attendance and the resolutions with their votes.
 */
@Component
class RecordWriter {

  private final MeetingAccess access;
  private final Rosters rosters;
  private final AttendanceStore attendance;
  private final ResolutionStore resolutions;
  private final MemberProjection projection;
  private final OrgLifeProperties properties;
  private final CommitteeDirectory committees;
  private final Clock clock;

  RecordWriter(
      MeetingAccess access,
      Rosters rosters,
      AttendanceStore attendance,
      ResolutionStore resolutions,
      MemberProjection projection,
      OrgLifeProperties properties,
      CommitteeDirectory committees,
      Clock clock) {
    this.access = access;
    this.rosters = rosters;
    this.attendance = attendance;
    this.resolutions = resolutions;
    this.projection = projection;
    this.properties = properties;
    this.committees = committees;
    this.clock = clock;
  }

  /** Checks and stores the record; returns the attendance rows now stored. */
  List<AttendanceRow> write(Meeting m, RecordMeeting r, String by) {
    MeetingRules.checkTimes(r.startsAt(), r.endsAt());
    MeetingRules.checkHeld(r.startsAt(), LocalDateTime.now(clock.withZone(properties.zone())));
    MeetingRules.checkTypeFields(m.getType(), r.theme(), r.lecturer(), r.topic());
    List<ResolutionInput> inputs = r.resolutions() == null ? List.of() : r.resolutions();
    MeetingRules.checkResolutionsAllowed(m.getType(), inputs.size());
    ProjectedOrg org = access.orgOf(m);
    List<Expected> expected = rosters.forRecord(m, org, r.startsAt().toLocalDate());
    RecordedAttendance recorded = RecordedAttendance.of(expected, r, projection::member);
    checkMobileAbsences(r);
    // a 支委会 votes on the seats held that day; unknown committee: the roster as before
    RecordedAttendance present =
        m.getType() != MeetingType.COMMITTEE_MEETING
            ? recorded
            : committees
                .committeeOn(org.orgId(), r.startsAt().toLocalDate())
                .map(c -> recorded.onCommittee(c.seats(), c.memberIds()))
                .orElse(recorded);
    List<ResolutionView> adopted = resolutions(inputs, present);
    m.record(
        r.title().strip(),
        r.startsAt(),
        r.endsAt(),
        r.place().strip(),
        Text.orNull(r.agenda()),
        r.minutes().strip(),
        Text.orNull(r.theme()),
        Text.orNull(r.lecturer()),
        Text.orNull(r.topic()),
        r.hostMemberId(),
        r.recorderMemberId(),
        present.expectedCount(),
        present.presentCount(),
        present.entitled() - present.excluded(),
        trainingTenths(m.getType(), r),
        MinHash.signature(r.minutes()),
        by,
        clock.instant());
    attendance.replace(m.getId(), present.rows());
    resolutions.replace(m.getId(), adopted);
    return present.rows();
  }

  /**
   * “Attending elsewhere as a 流动党员” excuses an absence only for a member away with a 活动证 valid that
   * day (or flagged 流动党员 before certificates were kept): otherwise it would hide absence.
   */
  private void checkMobileAbsences(RecordMeeting r) {
    LocalDate day = r.startsAt().toLocalDate();
    for (MeetingRequests.Absentee a : r.absentees()) {
      if (a.reason() == AbsenceReason.MOBILE_ELSEWHERE
          && !projection.awayOn(a.memberId(), day)
          && !projection
              .member(a.memberId())
              .map(p -> p.flags().contains("MOBILE"))
              .orElse(false)) {
        throw ProblemException.businessRule(
            "mobile-elsewhere-needs-a-certificate",
            "meeting.rule.mobile-elsewhere-needs-certificate",
            a.memberId());
      }
    }
  }

  /** Each resolution's vote is checked against the meeting's vote base, then numbered. */
  private static List<ResolutionView> resolutions(
      List<ResolutionInput> inputs, RecordedAttendance base) {
    List<ResolutionView> views = new ArrayList<>();
    int seq = 1;
    for (ResolutionInput in : inputs) {
      MeetingRules.checkVote(
          base.entitled(),
          base.excluded(),
          base.presentVoters(),
          in.approve(),
          in.oppose(),
          in.abstain());
      views.add(
          new ResolutionView(
              seq++,
              in.title().strip(),
              Text.orNull(in.decision()),
              base.entitled(),
              base.excluded(),
              base.presentVoters(),
              in.approve(),
              in.oppose(),
              in.abstain()));
    }
    return views;
  }

  /** 学时 of a 党课: as entered, or by its length; other meetings credit none. */
  private static int trainingTenths(MeetingType type, RecordMeeting r) {
    if (type != MeetingType.PARTY_LECTURE) {
      return 0;
    }
    return r.trainingHours() != null
        ? r.trainingHours().movePointRight(1).intValueExact()
        : MeetingRules.lectureTenths(r.startsAt(), r.endsAt());
  }
}
