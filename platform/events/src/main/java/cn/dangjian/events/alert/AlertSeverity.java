package cn.dangjian.events.alert;

/** 提示, 预警, 严重. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum AlertSeverity {
  NOTICE,
  WARNING,
  SERIOUS
}
