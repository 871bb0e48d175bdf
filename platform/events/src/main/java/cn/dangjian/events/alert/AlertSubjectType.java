package cn.dangjian.events.alert;

/** What an alert is about. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum AlertSubjectType {
  MEMBER,
  ORG
}
