package cn.dangjian.events.orglife;

/** 支委之间, 支委与党员, 党员之间. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum TalkPairKind {
  COMMITTEE_COMMITTEE,
  COMMITTEE_MEMBER,
  MEMBER_MEMBER
}
