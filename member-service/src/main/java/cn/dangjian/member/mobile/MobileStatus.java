package cn.dangjian.member.mobile;

/** Where a 活动证 stands. */
public enum MobileStatus {
  ACTIVE("持证外出"),
  RETURNED("已返回交回"),
  TRANSFERRED("已转接组织关系"),
  CLOSED("党员状态变化，已注销");

  private final String label;

  MobileStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
