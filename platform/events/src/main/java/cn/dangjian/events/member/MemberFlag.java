package cn.dangjian.events.member;

/** 流动党员, 失联, 限期改正, 留党察看, 权利中止. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum MemberFlag {
  MOBILE,
  LOST_CONTACT,
  CORRECTION_PERIOD,
  DISCIPLINARY_PROBATION,
  RIGHTS_SUSPENDED
}
