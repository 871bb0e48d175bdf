package cn.dangjian.orglife.meeting;

import cn.dangjian.orglife.formalism.FormalismChecker;
import cn.dangjian.orglife.meeting.MeetingRequests.AttendanceView;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingSummary;
import cn.dangjian.orglife.meeting.MeetingRequests.MeetingView;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A meeting as the API shows it: with its attendance, resolutions and anti-formalism flags. */
@Component
class MeetingViews {

  private final AttendanceStore attendance;
  private final ResolutionStore resolutions;
  private final FormalismChecker formalism;

  private final MemberProjection projection;
  private final Clock clock;

  MeetingViews(
      AttendanceStore attendance,
      ResolutionStore resolutions,
      FormalismChecker formalism,
      MemberProjection projection,
      Clock clock) {
    this.projection = projection;
    this.clock = clock;
    this.attendance = attendance;
    this.resolutions = resolutions;
    this.formalism = formalism;
  }

  MeetingView view(Meeting m) {
    return new MeetingView(
        m.getId(),
        m.getOrgId(),
        m.getOrgType(),
        m.getType(),
        m.getType().label(),
        m.getStatus(),
        m.getStatus().label(),
        m.getTitle(),
        m.getStartsAt(),
        m.getEndsAt(),
        m.getHeldOn(),
        m.getPlace(),
        m.getNotice(),
        m.getAgenda(),
        m.getMinutes(),
        m.getTheme(),
        m.getLecturer(),
        m.getTopic(),
        m.getHostMemberId(),
        m.getRecorderMemberId(),
        m.getExpectedCount(),
        m.getActualCount(),
        m.getVotingEntitled(),
        BigDecimal.valueOf(m.getTrainingTenths(), 1),
        m.getRecordVersion(),
        m.getPlannedBy(),
        m.getRecordedBy(),
        m.getFirstRecordedAt(),
        m.getSubmittedBy(),
        m.getSubmittedAt(),
        m.getReviewedBy(),
        m.getReviewedAt(),
        m.getReviewComment(),
        attendance.of(m.getId()).stream().map(AttendanceView::of).toList(),
        resolutions.of(m.getId()),
        formalism.flagsOf(m.getId()),
        m.getVersion(),
        hostedMobileMembers(m));
  }

  /**
   * 流动党员 the org hosts on the meeting day (or today, before the meeting is dated): the host records
   * them as guests — present or not, they never vote here (DOMAIN §2.4).
   */
  List<UUID> hostedMobileMembers(Meeting m) {
    LocalDate on = m.getHeldOn() != null ? m.getHeldOn() : LocalDate.now(clock);
    return projection.hostedBy(m.getOrgId(), on).stream().map(ProjectedMember::memberId).toList();
  }

  static MeetingSummary summary(Meeting m, int flags) {
    return new MeetingSummary(
        m.getId(),
        m.getOrgId(),
        m.getType(),
        m.getType().label(),
        m.getStatus(),
        m.getStatus().label(),
        m.getTitle(),
        m.getStartsAt(),
        m.getEndsAt(),
        m.getHeldOn(),
        m.getExpectedCount(),
        m.getActualCount(),
        m.getRecordVersion(),
        flags,
        m.getVersion());
  }
}
