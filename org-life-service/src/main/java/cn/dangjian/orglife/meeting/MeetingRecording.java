package cn.dangjian.orglife.meeting;

import cn.dangjian.events.EventTypes;
import cn.dangjian.orglife.compliance.ComplianceCountStore;
import cn.dangjian.orglife.meeting.MeetingRequests.RecordMeeting;
import cn.dangjian.platform.problem.ProblemException;
import cn.dangjian.platform.scope.DataScope;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The branch's side of the record: recording a held meeting (and re-recording it until it is
 * submitted), submitting it for review, and correcting it after approval.
 */
@Service
class MeetingRecording {

  private final MeetingAccess access;
  private final RecordWriter writer;
  private final SubmissionChecks checks;
  private final AttendanceStore attendance;
  private final RevisionStore revisions;
  private final MeetingViews views;
  private final ComplianceCountStore counts;
  private final MeetingEvents events;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  MeetingRecording(
      MeetingAccess access,
      RecordWriter writer,
      SubmissionChecks checks,
      AttendanceStore attendance,
      RevisionStore revisions,
      MeetingViews views,
      ComplianceCountStore counts,
      MeetingEvents events,
      Clock clock) {
    this.access = access;
    this.writer = writer;
    this.checks = checks;
    this.attendance = attendance;
    this.revisions = revisions;
    this.views = views;
    this.counts = counts;
    this.events = events;
    this.clock = clock;
  }

  /** Records (or re-records, until submitted) what happened at the meeting. */
  @Transactional
  public Meeting record(UUID id, long version, RecordMeeting r, DataScope scope, String by) {
    Meeting m = access.writable(id, version, scope);
    m.moveTo(MeetingStatus.HELD, clock.instant());
    List<AttendanceRow> rows = writer.write(m, r, by);
    events.record(EventTypes.ORGLIFE_MEETING_HELD, m, rows, "");
    return m;
  }

  @Transactional
  public Meeting submit(UUID id, long version, DataScope scope, String by) {
    Meeting m = access.writable(id, version, scope);
    m.moveTo(MeetingStatus.SUBMITTED, clock.instant());
    m.submitted(by, clock.instant());
    List<AttendanceRow> rows = attendance.of(id);
    checks.run(m, rows);
    events.record(EventTypes.ORGLIFE_MEETING_SUBMITTED, m, rows, "");
    return m;
  }

  /**
   * A correction after approval: the approved version is kept in the audit trail, the record
   * becomes version n+1 and goes back to the superior org; until approved again it does not count.
   */
  @Transactional
  public Meeting correct(
      UUID id, long version, String reason, RecordMeeting r, DataScope scope, String by) {
    Meeting m = access.writable(id, version, scope);
    if (!m.getStatus().counts()) {
      throw ProblemException.businessRule(
          "only-approved-records-are-corrected", "meeting.rule.correct-only-approved");
    }
    revisions.save(
        m.getId(),
        m.getRecordVersion(),
        json.writeValueAsString(views.view(m)),
        reason.strip(),
        by,
        clock.instant());
    if (m.getCountedMonth() != null) {
      counts.add(m.getOrgId(), m.getOrgPath(), m.getType().name(), m.getCountedMonth(), -1);
      m.countedIn(null);
    }
    m.moveTo(MeetingStatus.SUBMITTED, clock.instant());
    List<AttendanceRow> rows = writer.write(m, r, by);
    m.nextRecordVersion();
    m.submitted(by, clock.instant());
    checks.run(m, rows);
    events.record(EventTypes.ORGLIFE_MEETING_CORRECTED, m, rows, reason.strip());
    return m;
  }
}
