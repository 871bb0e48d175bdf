package cn.dangjian.dues.profile;

/** A hardship decision on a profile (DF Art 7: 支部讨论 + 上一级党委批准). */
public enum Hardship {
  NONE("无"),
  /** 减交: a lower amount. */
  REDUCED("减交"),
  /** 免交: nothing. */
  WAIVED("免交");

  private final String label;

  Hardship(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
