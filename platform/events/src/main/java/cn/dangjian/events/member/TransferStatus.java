package cn.dangjian.events.member;

/**
 * Steps of a transfer of organisational relationship. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum TransferStatus {
  REQUESTED,
  APPROVED_OUT,
  IN_TRANSIT,
  RECEIVED,
  COMPLETED,
  REVOKED,
  REJECTED
}
