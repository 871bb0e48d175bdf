package cn.dangjian.assessment.points;

/** Actions of the points rule table (党员积分). */
public enum PointsAction {
  /** 参加组织生活: an approved meeting's attendee. */
  ATTENDANCE,
  /** 按时缴纳党费: a payment made no later than the months it settles. */
  DUES_ON_TIME,
  /** 学习培训: per credited training hour (学时). */
  TRAINING_HOURS,
  /** 志愿服务: per hour, entered by a party worker and approved by another person. */
  VOLUNTEER_SERVICE,
  /** 无故缺席: an approved meeting's absentee without a reason (a deduction). */
  UNEXCUSED_ABSENCE
}
