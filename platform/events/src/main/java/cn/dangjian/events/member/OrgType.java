package cn.dangjian.events.member;

/** 党委, 党总支, 党支部, 党小组, 联合党支部, 临时党支部. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum OrgType {
  PARTY_COMMITTEE,
  GENERAL_BRANCH,
  BRANCH,
  JOINT_BRANCH,
  TEMPORARY_BRANCH,
  PARTY_GROUP
}
