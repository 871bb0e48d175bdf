package cn.dangjian.member.transfer;

/** Where the relationship goes: within the platform, out of it, or into it. */
public enum TransferDirection {
  INTERNAL,
  OUTBOUND,
  INBOUND
}
