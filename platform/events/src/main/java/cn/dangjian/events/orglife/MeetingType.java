package cn.dangjian.events.orglife;

/**
 * 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum MeetingType {
  BRANCH_GENERAL_MEETING,
  COMMITTEE_MEETING,
  GROUP_MEETING,
  PARTY_LECTURE,
  THEMED_PARTY_DAY,
  ORG_LIFE_MEETING,
  DEMOCRATIC_APPRAISAL
}
