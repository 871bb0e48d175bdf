package cn.dangjian.alert.catalogue;

/** What an alert is about. */
public enum SubjectType {
  MEMBER,
  ORG
}
