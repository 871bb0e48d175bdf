package cn.dangjian.member.org;

/** An organisation is active until dissolved (撤销); dissolved ones stay for history. */
public enum OrgStatus {
  ACTIVE,
  DISSOLVED
}
