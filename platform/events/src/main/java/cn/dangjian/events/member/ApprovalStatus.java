package cn.dangjian.events.member;

/**
 * Where an approval request stands. Published as a string, see {@link cn.dangjian.events.OneOf}.
 */
public enum ApprovalStatus {
  PENDING,
  RETURNED,
  APPROVED,
  REJECTED,
  WITHDRAWN
}
