package cn.dangjian.events.orglife;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code orglife.meeting-held}, {@code -submitted}, {@code -approved}, {@code -returned} and {@code
 * -corrected} v1: a meeting's record moved on. Carries what attendance rules need (who was
 * expected, who came, who was absent and why) — ids only.
 *
 * @param status the record's status after this step (HELD, SUBMITTED, APPROVED, RETURNED)
 * @param recordVersion 0 for the first record, +1 for each correction after approval
 * @param absentees expected attendees who did not come, with the reason
 * @param reason the return reason or the correction reason; empty otherwise
 */
public record MeetingRecordChanged(
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
    String reason) {

  /**
   * @param reason LEAVE, ILLNESS, WORK, MOBILE_ELSEWHERE or UNEXCUSED
   */
  public record Absentee(UUID memberId, String reason) {}
}
