package cn.dangjian.events.member;

/**
 * Where a 流动党员活动证 stands: held (ACTIVE), handed back on return home (RETURNED), or closed because
 * the relationship was transferred (TRANSFERRED). Published as a string.
 */
public enum MobileCertificateStatus {
  ACTIVE,
  RETURNED,
  TRANSFERRED,
  CLOSED
}
