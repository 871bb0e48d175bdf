package cn.dangjian.events.member;

/** What happened to a 流动党员活动证. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum MobileChange {
  ISSUED,
  RENEWED,
  REPORTED,
  RETURNED,
  CLOSED_BY_TRANSFER,
  CLOSED_BY_STATUS
}
