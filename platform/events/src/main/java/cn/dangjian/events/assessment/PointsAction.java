package cn.dangjian.events.assessment;

/**
 * What a points ledger entry (党员积分) was for. Published as a string, see {@link
 * cn.dangjian.events.OneOf}.
 */
public enum PointsAction {
  ATTENDANCE,
  DUES_ON_TIME,
  TRAINING_HOURS,
  VOLUNTEER_SERVICE,
  UNEXCUSED_ABSENCE
}
