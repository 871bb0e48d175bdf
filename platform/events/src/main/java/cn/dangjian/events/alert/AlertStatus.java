package cn.dangjian.events.alert;

/**
 * Where an alert stands in the rectification loop. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  RECTIFYING,
  SUBMITTED,
  CLOSED,
  RESOLVED,
  DISMISSED
}
