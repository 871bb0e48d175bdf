package cn.dangjian.events.alert;

/** What moved an alert. Published as a string, see {@link cn.dangjian.events.OneOf}. */
public enum AlertChange {
  RAISED,
  SEVERITY_CHANGED,
  ACKNOWLEDGED,
  RECTIFYING,
  SUBMITTED,
  ACCEPTED,
  REJECTED,
  ESCALATED,
  DISMISSED,
  RESOLVED
}
