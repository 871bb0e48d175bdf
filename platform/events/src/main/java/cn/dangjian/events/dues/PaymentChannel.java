package cn.dangjian.events.dues;

/** 线下 or 在线. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum PaymentChannel {
  OFFLINE,
  ONLINE
}
