package cn.dangjian.events.orglife;

/** 优秀, 合格, 基本合格, 不合格. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum AppraisalGrade {
  EXCELLENT,
  QUALIFIED,
  BASICALLY_QUALIFIED,
  UNQUALIFIED
}
