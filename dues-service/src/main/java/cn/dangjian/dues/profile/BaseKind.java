package cn.dangjian.dues.profile;

/** What the declared base is (DF Arts 1–5). */
public enum BaseKind {
  /** 每月税后固定性、常规性工资收入. */
  MONTHLY_NET_WAGE("月税后固定工资收入"),
  /** 年薪制: 当月实际领取的薪酬. */
  MONTH_SALARY_RECEIVED("当月实际领取薪酬"),
  /** 无固定月收入: 上一季度月平均纯收入. */
  PREVIOUS_QUARTER_AVERAGE("上季度月平均纯收入"),
  /** 离退休: 实际领取的离退休费总额. */
  PENSION("离退休费");

  private final String label;

  BaseKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The base a category declares. */
  public static BaseKind of(DuesCategory category) {
    return switch (category) {
      case EMPLOYED -> MONTHLY_NET_WAGE;
      case ANNUAL_SALARY -> MONTH_SALARY_RECEIVED;
      case SELF_EMPLOYED -> PREVIOUS_QUARTER_AVERAGE;
      case RETIRED -> PENSION;
      default -> null;
    };
  }
}
