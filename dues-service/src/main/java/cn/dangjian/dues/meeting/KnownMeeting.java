package cn.dangjian.dues.meeting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A meeting as dues-service learned it from org-life-service.
 *
 * @param meetingType BRANCH_GENERAL_MEETING, COMMITTEE_MEETING, …
 * @param heldOn the day it was held
 * @param status the record's status (HELD, SUBMITTED, RETURNED, APPROVED, ARCHIVED) or CANCELLED
 */
public record KnownMeeting(
    UUID meetingId, UUID orgId, String meetingType, LocalDate heldOn, String status) {

  public boolean cancelled() {
    return "CANCELLED".equals(status);
  }
}
