package cn.dangjian.events.member;

/**
 * The body above a branch that decides a request. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum DecidingBody {
  PRIMARY_COMMITTEE,
  HIGHER_COMMITTEE,
  COUNTY_ORG_DEPARTMENT,
  DISCIPLINE_COMMISSION
}
