package cn.dangjian.alert.catalogue;

/** When a rule is evaluated. */
public enum Evaluation {
  /** As soon as the event that changes its facts arrives (and again in every sweep). */
  ON_EVENT("事件触发"),
  /** In the daily sweep, as a due date approaches or passes. */
  DUE_DATE("临近或超过期限"),
  /** In the daily sweep, as a duration (months absent, months vacant…) grows. */
  DURATION("持续时长"),
  /** In the sweep after a month, quarter or year ends. */
  PERIOD_END("周期结束"),
  /**
   * A hard validation in the owning service (a vote without quorum, too many 优秀, a development
   * target without 24 学时): the action is refused there, so alert-service never raises it — the
   * catalogue lists it so that every row of DOMAIN §7 has its place.
   */
  BLOCKING("办理时拦截");

  private final String label;

  Evaluation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
