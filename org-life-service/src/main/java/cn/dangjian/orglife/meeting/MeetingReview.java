package cn.dangjian.orglife.meeting;

import cn.dangjian.events.EventTypes;
import cn.dangjian.orglife.compliance.ComplianceCountStore;
import cn.dangjian.orglife.training.TrainingLedger;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The superior org's side: approving or returning a submitted record, and archiving. */
@Service
class MeetingReview {

  private final MeetingAccess access;
  private final AttendanceStore attendance;
  private final ComplianceCountStore counts;
  private final TrainingLedger training;
  private final MeetingEvents events;
  private final Clock clock;

  MeetingReview(
      MeetingAccess access,
      AttendanceStore attendance,
      ComplianceCountStore counts,
      TrainingLedger training,
      MeetingEvents events,
      Clock clock) {
    this.access = access;
    this.attendance = attendance;
    this.counts = counts;
    this.training = training;
    this.events = events;
    this.clock = clock;
  }

  /** The superior org approves: the meeting now counts for compliance (and 党课 hours). */
  @Transactional
  public Meeting approve(UUID id, long version, String comment, DataScope scope, String reviewer) {
    Meeting m = access.reviewable(id, version, scope, reviewer);
    m.moveTo(MeetingStatus.APPROVED, clock.instant());
    m.reviewed(reviewer, Text.orNull(comment), clock.instant());
    int month = ComplianceCountStore.monthOf(m.getHeldOn());
    counts.add(m.getOrgId(), m.getOrgPath(), m.getType().name(), month, 1);
    m.countedIn(month);
    List<AttendanceRow> rows = attendance.of(id);
    if (m.getType() == MeetingType.PARTY_LECTURE) {
      training.creditLecture(
          m.getId(),
          m.getHeldOn(),
          m.getTrainingTenths(),
          rows.stream()
              .filter(a -> Boolean.TRUE.equals(a.present()))
              .map(AttendanceRow::memberId)
              .toList());
    }
    events.record(EventTypes.ORGLIFE_MEETING_APPROVED, m, rows, "");
    return m;
  }

  @Transactional
  public Meeting returnRecord(
      UUID id, long version, String reason, DataScope scope, String reviewer) {
    Meeting m = access.reviewable(id, version, scope, reviewer);
    m.moveTo(MeetingStatus.RETURNED, clock.instant());
    m.reviewed(reviewer, reason.strip(), clock.instant());
    events.record(EventTypes.ORGLIFE_MEETING_RETURNED, m, attendance.of(id), reason.strip());
    return m;
  }

  @Transactional
  public Meeting archive(UUID id, long version, DataScope scope) {
    Meeting m = access.writable(id, version, scope);
    m.moveTo(MeetingStatus.ARCHIVED, clock.instant());
    return m;
  }
}
