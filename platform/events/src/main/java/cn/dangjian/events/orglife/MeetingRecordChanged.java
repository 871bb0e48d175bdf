package cn.dangjian.events.orglife;

import cn.dangjian.events.OneOf;
import cn.dangjian.events.Subject;
import cn.dangjian.events.member.OrgType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@code orglife.meeting-held}, {@code -submitted}, {@code -approved}, {@code -returned} and {@code
 * -corrected} v1: a meeting's record moved on. Carries what attendance rules need (who was
 * expected, who came, who was absent and why) — ids only.
 *
 * @param status the record's status after this step (HELD, SUBMITTED, APPROVED, RETURNED)
 * @param recordVersion 0 for the first record, +1 for each correction after approval
 * @param absentees expected attendees who did not come, with the reason
 * @param reason the return reason or the correction reason; empty otherwise
 * @param counted whether the meeting now counts for compliance and attendance — org-life-service's
 *     decision (approved by the superior org, or archived); absent in events published before the
 *     field existed, so consumers read {@link #counts()}
 * @param guestIds 流动党员 of other branches who attended as guests of the host (活动证): their attendance
 *     counts for their own compliance at home; they are not in {@code expectedCount}, {@code
 *     actualCount} or a vote's base here. Null in events from before the field existed
 * @param recorderId the member who keeps the record (记录人): told when it is returned for correction.
 *     Null before a record names one and in events from before the field existed
 */
@Subject(value = "meetingId", kind = "meeting")
public record MeetingRecordChanged(
    UUID meetingId,
    UUID orgId,
    @OneOf(OrgType.class) String orgType,
    @OneOf(MeetingType.class) String meetingType,
    @OneOf(MeetingStatus.class) String status,
    LocalDate heldOn,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    int recordVersion,
    int expectedCount,
    int actualCount,
    List<UUID> attendeeIds,
    List<Absentee> absentees,
    String reason,
    @Nullable Boolean counted,
    @Nullable List<UUID> guestIds,
    @Nullable UUID recorderId) {

  /** A record without a named recorder (events from before the field existed). */
  public MeetingRecordChanged(
      UUID meetingId,
      UUID orgId,
      String orgType,
      String meetingType,
      String status,
      LocalDate heldOn,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      int recordVersion,
      int expectedCount,
      int actualCount,
      List<UUID> attendeeIds,
      List<Absentee> absentees,
      String reason,
      @Nullable Boolean counted,
      @Nullable List<UUID> guestIds) {
    this(
        meetingId,
        orgId,
        orgType,
        meetingType,
        status,
        heldOn,
        startsAt,
        endsAt,
        recordVersion,
        expectedCount,
        actualCount,
        attendeeIds,
        absentees,
        reason,
        counted,
        guestIds,
        null);
  }

  /** A record without guests (every meeting before 活动证 holders were hosted). */
  public MeetingRecordChanged(
      UUID meetingId,
      UUID orgId,
      String orgType,
      String meetingType,
      String status,
      LocalDate heldOn,
      LocalDateTime startsAt,
      LocalDateTime endsAt,
      int recordVersion,
      int expectedCount,
      int actualCount,
      List<UUID> attendeeIds,
      List<Absentee> absentees,
      String reason,
      @Nullable Boolean counted) {
    this(
        meetingId,
        orgId,
        orgType,
        meetingType,
        status,
        heldOn,
        startsAt,
        endsAt,
        recordVersion,
        expectedCount,
        actualCount,
        attendeeIds,
        absentees,
        reason,
        counted,
        null);
  }

  /** Guests who attended (none for events from before guests existed). */
  public List<UUID> guests() {
    return guestIds == null ? List.of() : guestIds;
  }

  /** Whether the meeting counts: as published, or for older events by the status they carry. */
  public boolean counts() {
    return counted != null ? counted : "APPROVED".equals(status) || "ARCHIVED".equals(status);
  }

  /**
   * @param reason LEAVE, ILLNESS, WORK, MOBILE_ELSEWHERE or UNEXCUSED
   */
  public record Absentee(UUID memberId, @OneOf(AbsenceReason.class) String reason) {}
}
