package cn.dangjian.events.orglife;

/** 事假, 病假, 公务, 流动党员在外地参加组织生活, 无故缺席. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum AbsenceReason {
  LEAVE,
  ILLNESS,
  WORK,
  MOBILE_ELSEWHERE,
  UNEXCUSED
}
