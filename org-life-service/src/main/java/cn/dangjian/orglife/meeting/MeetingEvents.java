package cn.dangjian.orglife.meeting;

import cn.dangjian.events.orglife.MeetingPlanned;
import cn.dangjian.events.orglife.MeetingRecordChanged;
import cn.dangjian.platform.events.DomainEventPublisher;
import cn.dangjian.platform.projection.MemberProjection;
import cn.dangjian.platform.projection.ProjectedMember;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The orglife.meeting-* events, keyed by meeting id and scoped by the meeting's org path. */
@Component
class MeetingEvents {

  private final DomainEventPublisher events;
  private final MemberProjection projection;

  MeetingEvents(DomainEventPublisher events, MemberProjection projection) {
    this.events = events;
    this.projection = projection;
  }

  /** A planned or cancelled meeting and who was expected at it. */
  void notice(String type, Meeting m, List<UUID> expected) {
    events.publish(
        type,
        m.getId().toString(),
        m.getOrgPath(),
        new MeetingPlanned(
            m.getId(),
            m.getOrgId(),
            m.getType().name(),
            m.getHeldOn(),
            m.getStartsAt(),
            m.getEndsAt(),
            expected));
  }

  /**
   * Guests present who are 流动党员 hosted by the org on the meeting day: their attendance counts for
   * their own compliance at home (not in this meeting's expected or actual count).
   */
  private List<UUID> mobileGuests(Meeting m, List<AttendanceRow> rows) {
    if (m.getHeldOn() == null) {
      return List.of();
    }
    Set<UUID> hosted =
        projection.hostedBy(m.getOrgId(), m.getHeldOn()).stream()
            .map(ProjectedMember::memberId)
            .collect(Collectors.toSet());
    return rows.stream()
        .filter(a -> !a.expected() && Boolean.TRUE.equals(a.present()))
        .map(AttendanceRow::memberId)
        .filter(hosted::contains)
        .toList();
  }

  /** A step of the record (held, submitted, approved, returned, corrected) with its attendance. */
  void record(String type, Meeting m, List<AttendanceRow> rows, String reason) {
    List<UUID> attendees =
        rows.stream()
            .filter(a -> a.expected() && Boolean.TRUE.equals(a.present()))
            .map(AttendanceRow::memberId)
            .toList();
    List<MeetingRecordChanged.Absentee> absentees =
        rows.stream()
            .filter(a -> a.expected() && Boolean.FALSE.equals(a.present()))
            .map(a -> new MeetingRecordChanged.Absentee(a.memberId(), a.absenceReason().name()))
            .toList();
    events.publish(
        type,
        m.getId().toString(),
        m.getOrgPath(),
        new MeetingRecordChanged(
            m.getId(),
            m.getOrgId(),
            m.getOrgType(),
            m.getType().name(),
            m.getStatus().name(),
            m.getHeldOn(),
            m.getStartsAt(),
            m.getEndsAt(),
            m.getRecordVersion(),
            m.getExpectedCount(),
            m.getActualCount(),
            attendees,
            absentees,
            reason,
            m.getStatus().counts(),
            mobileGuests(m, rows),
            m.getRecorderMemberId()));
  }
}
