package cn.dangjian.assessment.indicator;

/** What an automatic indicator is computed from (a rate 0–1 times the indicator's weight). */
public enum AutoSource {
  /** 三会一课: months with a 支委会 and a 主题党日, quarters with a 党员大会 and a 党课 (orglife.events). */
  MEETING_COMPLIANCE("三会一课落实率"),
  /** 党费收缴率: member-months paid of member-months due (dues.events). */
  DUES_COLLECTION("党费收缴率"),
  /** 学时达标率: members reaching the yearly hours, pro-rated (orglife.events). */
  TRAINING_COMPLETION("培训学时达标率"),
  /** 发展党员及时率: development steps done by their due date (member.events). */
  DEVELOPMENT_TIMELINESS("发展党员程序及时率"),
  /** 预警整改及时率: alerts with a deadline closed by it (alert.events). */
  RECTIFICATION_TIMELINESS("预警整改及时率"),
  /** 任务清单完成率: the org's tasks due in the period done by their deadline. */
  TASK_COMPLETION("责任清单任务完成率"),
  /**
   * 在职党员到社区报到服务率 (optional): serving members (dues on a salary) with at least one service activity
   * recorded by their community in the period (member.events).
   */
  COMMUNITY_SERVICE("在职党员到社区报到服务率");

  private final String label;

  AutoSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
