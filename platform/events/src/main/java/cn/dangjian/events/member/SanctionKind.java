package cn.dangjian.events.member;

/** 警告, 严重警告, 撤销党内职务, 留党察看, 开除党籍. Published as a string. */
public enum SanctionKind {
  WARNING,
  SERIOUS_WARNING,
  REMOVAL_FROM_POST,
  PROBATION_UNDER_DISCIPLINE,
  EXPULSION
}
