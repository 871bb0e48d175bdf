package cn.dangjian.events.orglife;

/** A meeting record's status. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum MeetingStatus {
  PLANNED,
  CANCELLED,
  HELD,
  SUBMITTED,
  RETURNED,
  APPROVED,
  ARCHIVED
}
