package cn.dangjian.events.member;

/**
 * Within the platform, out of it or into it. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum TransferDirection {
  INTERNAL,
  OUTBOUND,
  INBOUND
}
